package mx.ine.redes.evaluation.rest;

import java.time.LocalDate;
import java.util.UUID;

public record ElectoralProcessResponse(UUID id, String name, LocalDate startsOn, LocalDate endsOn, String sourceReference) {
}
