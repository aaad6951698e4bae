package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.support.registry.RegistryEventsProjection;

/** Keeps {@link SubmittingAccount}: the network decides the form, the administrators may submit. */
@ApplicationScoped
public class RegistryProjection extends RegistryEventsProjection {

    @Inject
    Clock clock;

    @Override
    protected String consumerName() {
        return "submissions-registry";
    }

    @Override
    protected void accountChanged(AccountSnapshot snapshot) {
        SubmittingAccount account = find(snapshot.accountId()).orElseGet(() -> {
            SubmittingAccount created = new SubmittingAccount();
            created.accountId = snapshot.accountId();
            return created;
        });
        account.network = snapshot.network();
        account.handle = snapshot.handle();
        account.displayName = snapshot.displayName();
        account.areaCode = snapshot.areaCode();
        account.administratorEmails = new ArrayList<>(snapshot.administratorEmails());
        account.status = snapshot.status();
        account.updatedAt = clock.instant();
        account.persist();
    }

    @Override
    protected void accountDecommissioned(AccountDecommissioned decommissioned) {
        find(decommissioned.accountId()).ifPresent(account -> {
            account.status = "DECOMMISSIONED";
            account.updatedAt = clock.instant();
        });
    }

    @Override
    protected void administratorAssigned(AdministratorAssigned assigned) {
        find(assigned.accountId()).ifPresent(account -> {
            account.administratorEmails = withAdministrator(account.administratorEmails, assigned.personEmail());
            account.updatedAt = clock.instant();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmittingAccount> find(UUID accountId) {
        return SubmittingAccount.findByIdOptional(accountId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubmittingAccount> page(int index, int size) {
        return SubmittingAccount.find("order by network, handle, accountId").page(index, size).list();
    }
}
