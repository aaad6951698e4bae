package mx.ine.redes.reporting.rest;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One account of the open data list: what identifies it and where it belongs, never who runs it
 * (no administrator, head or liaison, no baja reason written by the staff).
 */
public record PublicAccountResponse(
        UUID id,
        String network,
        String handle,
        String url,
        String displayName,
        String areaCode,
        String areaName,
        String level,
        String levelLabel,
        Integer state,
        String status,
        String statusLabel,
        LocalDate registeredOn,
        LocalDate decommissionedOn) {
}
