package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.support.registry.RegistryEventsProjection;

/** Builds the inventory the reports count from; replaying the registry's events rebuilds it. */
@ApplicationScoped
public class InventoryProjection extends RegistryEventsProjection {

    @Inject
    Clock clock;

    @Override
    protected String consumerName() {
        return "reporting-inventory";
    }

    @Override
    protected void accountChanged(AccountSnapshot snapshot) {
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

    @Override
    protected void accountDecommissioned(AccountDecommissioned decommissioned) {
        find(decommissioned.accountId()).ifPresent(account -> {
            account.status = "DECOMMISSIONED";
            account.decommissionedOn = decommissioned.decommissionedOn();
            account.decommissionReason = decommissioned.reason();
            account.updatedAt = clock.instant();
        });
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
