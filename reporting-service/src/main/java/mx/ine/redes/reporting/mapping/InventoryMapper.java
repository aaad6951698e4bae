package mx.ine.redes.reporting.mapping;

import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.reporting.rest.InventoryAccountResponse;

public final class InventoryMapper {

    private InventoryMapper() {
    }

    public static InventoryAccountResponse toResponse(InventoryAccount account) {
        return new InventoryAccountResponse(account.accountId, account.network, account.handle, account.displayName,
                account.kind, account.areaCode, account.areaName, account.areaLevel, account.state, account.administratorEmails, account.status,
                account.registeredOn, account.decommissionedOn, account.decommissionReason);
    }
}
