package mx.ine.redes.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The registry's view of one account as consumers need it: where it is, who runs it and who
 * answers for it. Carried whole by {@link AccountRegistered} and {@link AccountUpdated}, so that a
 * consumer's projection never has to ask the accounts-service.
 */
public record AccountSnapshot(
        UUID accountId,
        String network,
        String handle,
        String url,
        String displayName,
        String kind,
        String status,
        String areaCode,
        String areaName,
        String areaLevel,
        Integer state,
        Integer district,
        String headName,
        String headEmail,
        List<String> administratorEmails,
        LocalDate registeredOn,
        LocalDate lastPublicationOn) {

    public AccountSnapshot {
        administratorEmails = administratorEmails == null ? List.of() : List.copyOf(administratorEmails);
    }
}
