package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.support.registry.RegistryEventsProjection;

/** Keeps {@link ReviewedAccount}: who a cycle asks, whom it notifies, to whom it escalates. */
@ApplicationScoped
public class RegistryProjection extends RegistryEventsProjection {

    @Inject
    Clock clock;

    @Override
    protected String consumerName() {
        return "evaluation-registry";
    }

    @Override
    protected void accountChanged(AccountSnapshot snapshot) {
        ReviewedAccount account = find(snapshot.accountId()).orElseGet(() -> {
            ReviewedAccount created = new ReviewedAccount();
            created.accountId = snapshot.accountId();
            return created;
        });
        account.network = snapshot.network();
        account.handle = snapshot.handle();
        account.areaCode = snapshot.areaCode();
        account.areaLevel = snapshot.areaLevel();
        account.state = snapshot.state();
        account.district = snapshot.district();
        account.headEmail = snapshot.headEmail();
        account.administratorEmails = new ArrayList<>(snapshot.administratorEmails());
        account.status = snapshot.status();
        account.lastPublicationOn = snapshot.lastPublicationOn();
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
    public Optional<ReviewedAccount> find(UUID accountId) {
        return ReviewedAccount.findByIdOptional(accountId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewedAccount> page(int index, int size) {
        return ReviewedAccount.find("order by areaLevel, areaCode, network, handle").page(index, size).list();
    }
}
