package mx.ine.redes.reporting.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record InventoryAccountResponse(
        UUID accountId,
        String network,
        String handle,
        String displayName,
        String kind,
        String areaCode,
        String areaName,
        String areaLevel,
        Integer state,
        List<String> administratorEmails,
        String status,
        LocalDate registeredOn,
        LocalDate decommissionedOn,
        String decommissionReason) {
}
