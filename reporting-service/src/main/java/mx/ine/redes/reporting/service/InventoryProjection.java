package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.support.registry.RegistryEventsProjection;

/** Builds the inventory from the registry's events; replaying them rebuilds it. */
@ApplicationScoped
public class InventoryProjection extends RegistryEventsProjection<InventoryAccount> {

    public InventoryProjection() {
        super(InventoryAccount.class);
    }

    @Override
    protected String consumerName() {
        return "reporting-inventory";
    }

    @Override
    protected InventoryAccount newAccount() {
        return new InventoryAccount();
    }

    @Override
    protected void copyOwnFields(AccountSnapshot snapshot, InventoryAccount account) {
        account.displayName = snapshot.displayName();
        account.kind = snapshot.kind();
        account.areaName = snapshot.areaName();
        account.areaLevel = snapshot.areaLevel();
        account.url = snapshot.url();
        account.state = snapshot.state();
        account.registeredOn = snapshot.registeredOn();
    }

    @Override
    protected void recordDecommission(AccountDecommissioned decommissioned, InventoryAccount account) {
        account.decommissionedOn = decommissioned.decommissionedOn();
        account.decommissionReason = decommissioned.reason();
    }

    @Override
    protected String pageOrder() {
        return "areaLevel, areaCode, network, handle";
    }
}
