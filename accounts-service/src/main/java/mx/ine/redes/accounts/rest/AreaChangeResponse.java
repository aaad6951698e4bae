package mx.ine.redes.accounts.rest;

import java.time.Instant;
import java.util.Map;

/** One act on an area (who, when, what, before and after): {@code UPDATED}, {@code LIAISON_NAMED}, {@code LIAISON_REMOVED}. */
public record AreaChangeResponse(Instant changedAt, String changedBy, String change, Map<String, Object> before,
                                 Map<String, Object> after) {
}
