package mx.ine.redes.accounts.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every change of an account (who, when, before and after) and the acts recorded on it. */
public record AccountHistoryResponse(UUID accountId, List<Change> changes, List<Act> acts) {

    public record Change(Instant changedAt, String changedBy, String change, Map<String, Object> before,
                         Map<String, Object> after) {
    }

    public record Act(String kind, LocalDate decidedOn, String reason, String observations, String recordedBy,
                      Instant recordedAt) {
    }
}
