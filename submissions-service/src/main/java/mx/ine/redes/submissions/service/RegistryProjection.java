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
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.support.inbox.Inbox;

/** Keeps {@link SubmittingAccount} in step with the registry's events, each applied once. */
@ApplicationScoped
@Transactional
public class RegistryProjection {

    static final String CONSUMER = "submissions-registry";

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    public void apply(String record) {
        inbox.applyOnce(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case AccountRegistered registered -> upsert(registered.account());
            case AccountUpdated updated -> upsert(updated.account());
            case AccountDecommissioned decommissioned -> find(decommissioned.accountId()).ifPresent(account -> {
                account.status = "DECOMMISSIONED";
                account.updatedAt = clock.instant();
            });
            case AdministratorAssigned assigned -> find(assigned.accountId()).ifPresent(account -> {
                if (!account.administratorEmails.contains(assigned.personEmail())) {
                    List<String> emails = new ArrayList<>(account.administratorEmails);
                    emails.add(assigned.personEmail());
                    account.administratorEmails = emails;
                    account.updatedAt = clock.instant();
                }
            });
            default -> {
                // Other registry events do not concern submissions.
            }
        }
    }

    private void upsert(AccountSnapshot snapshot) {
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmittingAccount> find(UUID accountId) {
        return SubmittingAccount.findByIdOptional(accountId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubmittingAccount> page(int index, int size) {
        return SubmittingAccount.find("order by network, handle, accountId").page(index, size).list();
    }
}
