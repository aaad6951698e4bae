package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.AuditedAct;

/** One act as it happened: who, when, what (a Spanish summary), on which subject and under which deadline. */
public record AuditedActResponse(
        UUID id,
        Instant occurredAt,
        String actor,
        String action,
        String summary,
        String subjectKind,
        String subjectId,
        UUID accountId,
        String cycleId,
        Instant deadline,
        Map<String, String> details) {

    public static AuditedActResponse of(AuditedAct act) {
        return new AuditedActResponse(act.id, act.occurredAt, act.actor, act.action, act.summary, act.subjectKind, act.subjectId,
                act.accountId, act.cycleId, act.deadline, act.details);
    }
}
