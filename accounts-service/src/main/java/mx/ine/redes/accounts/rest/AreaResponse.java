package mx.ine.redes.accounts.rest;

import java.util.UUID;
import mx.ine.redes.accounts.AreaLevel;

/** An area; {@code liaisonName}/{@code liaisonEmail}: its person in charge of the topic (Art. 9), or none. */
public record AreaResponse(
        UUID id,
        String code,
        String name,
        AreaLevel level,
        Integer state,
        Integer district,
        String parentCode,
        String headName,
        String headEmail,
        String liaisonName,
        String liaisonEmail) {
}
