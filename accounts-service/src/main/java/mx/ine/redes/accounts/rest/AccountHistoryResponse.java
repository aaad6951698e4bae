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

    /** {@code bajaProposalId}/{@code citation}: the evaluation's proposed baja a baja act cites, if any, and in what words. */
    public record Act(String kind, LocalDate decidedOn, String reason, String observations, UUID bajaProposalId,
                      String citation, String recordedBy, Instant recordedAt) {
    }
}
