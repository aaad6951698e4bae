package mx.ine.redes.accounts.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.AccountStatus;
import mx.ine.redes.accounts.AreaLevel;
import mx.ine.redes.accounts.Network;

public record AccountResponse(
        UUID id,
        Network network,
        String handle,
        String url,
        String displayName,
        AccountKind kind,
        AccountStatus status,
        String areaCode,
        String areaName,
        AreaLevel areaLevel,
        String platformAccountId,
        LocalDate registeredOn,
        LocalDate lastPublicationOn,
        boolean dormant,
        boolean notLocated,
        boolean possibleHijack,
        boolean withoutAdministrator,
        List<String> administrators,
        LocalDate decommissionedOn,
        String decommissionReason,
        String decommissionObservations,
        UUID decommissionBajaProposalId) {
}
