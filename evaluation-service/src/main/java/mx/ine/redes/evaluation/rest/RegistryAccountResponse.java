package mx.ine.redes.evaluation.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
        LocalDate lastPublicationOn) {
}
