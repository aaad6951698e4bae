package mx.ine.redes.evaluation.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code liaisonName}/{@code liaisonEmail}: the owning area's person in charge of the topic (Art. 9), or none. */
public record RegistryAccountResponse(
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        String areaLevel,
        Integer state,
        Integer district,
        String headEmail,
        List<String> administratorEmails,
        String status,
        LocalDate lastPublicationOn,
        String liaisonName,
        String liaisonEmail) {
}
