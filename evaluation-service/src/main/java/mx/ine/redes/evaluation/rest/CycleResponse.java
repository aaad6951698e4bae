package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.time.LocalDate;

public record CycleResponse(String id, LocalDate periodStart, LocalDate periodEnd, String windowMonth, Instant openedAt,
                            String openedBy, int requestCount) {
}
