package mx.ine.redes.evaluation.rest;

import java.time.Instant;

public record CalendarChangeResponse(long version, Instant changedAt, String changedBy, String description) {
}
