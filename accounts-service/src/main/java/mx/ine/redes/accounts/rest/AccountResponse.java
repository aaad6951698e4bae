package mx.ine.redes.accounts.rest;

import java.time.LocalDate;
import java.util.UUID;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.AccountStatus;
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
        LocalDate registeredOn,
        LocalDate lastPublicationOn) {
}
