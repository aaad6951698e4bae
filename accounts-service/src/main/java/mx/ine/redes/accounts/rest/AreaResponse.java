package mx.ine.redes.accounts.rest;

import java.util.UUID;
import mx.ine.redes.accounts.AreaLevel;

public record AreaResponse(
        UUID id,
        String code,
        String name,
        AreaLevel level,
        Integer state,
        Integer district,
        String parentCode,
        String headName,
        String headEmail) {
}
