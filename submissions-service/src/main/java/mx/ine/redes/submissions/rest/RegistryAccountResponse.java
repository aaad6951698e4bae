package mx.ine.redes.submissions.rest;

import java.util.List;
import java.util.UUID;

public record RegistryAccountResponse(
        UUID accountId,
        String network,
        String handle,
        String displayName,
        String areaCode,
        List<String> administratorEmails,
        String status) {
}
