package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.support.inbox.Inbox;

/** Builds the inventory from the registry's events, each applied once; replaying them rebuilds it. */
@ApplicationScoped
@Transactional
public class InventoryProjection {

    static final String CONSUMER = "reporting-inventory";

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
                account.decommissionedOn = decommissioned.decommissionedOn();
                account.decommissionReason = decommissioned.reason();
                account.updatedAt = clock.instant();
            });
            default -> {
                // Administrators, training and dormancy are reported from their own projections (later).
            }
        }
    }

    private void upsert(AccountSnapshot snapshot) {
        InventoryAccount account = find(snapshot.accountId()).orElseGet(() -> {
            InventoryAccount created = new InventoryAccount();
            created.accountId = snapshot.accountId();
            return created;
        });
        account.network = snapshot.network();
        account.handle = snapshot.handle();
        account.displayName = snapshot.displayName();
        account.kind = snapshot.kind();
        account.areaCode = snapshot.areaCode();
        account.areaName = snapshot.areaName();
        account.areaLevel = snapshot.areaLevel();
        account.state = snapshot.state();
        account.status = snapshot.status();
        account.registeredOn = snapshot.registeredOn();
        account.updatedAt = clock.instant();
        account.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InventoryAccount> find(UUID accountId) {
        return InventoryAccount.findByIdOptional(accountId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InventoryAccount> page(int index, int size) {
        return InventoryAccount.find("order by areaLevel, areaCode, network, handle").page(index, size).list();
    }
}
