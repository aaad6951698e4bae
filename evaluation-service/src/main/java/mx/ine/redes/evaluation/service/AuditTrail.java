package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.AuditedAct;

/**
 * The record of every act (issue 12, "audit"): joins the act's own transaction, so an act and its
 * record commit together or not at all. Acts of the timers are recorded as {@link #SYSTEM}.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what the service does by itself: a timer firing, a notice's term starting. */
    public static final String SYSTEM = "system";

    @Inject
    Clock clock;

    /** One act; {@code deadline} and the ids may be null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditedAct record(Act act) {
        AuditedAct row = new AuditedAct();
        row.id = UUID.randomUUID();
        row.occurredAt = clock.instant();
        row.actor = act.actor() == null || act.actor().isBlank() ? SYSTEM : act.actor();
        row.action = act.action();
        row.subjectKind = act.subjectKind();
        row.subjectId = act.subjectId();
        row.accountId = act.accountId();
        row.cycleId = act.cycleId();
        row.deadline = act.deadline();
        row.summary = act.summary();
        row.details = act.details();
        row.persist();
        return row;
    }

    /**
     * What to record: {@code action} in upper snake case ({@code OBSERVATION_ISSUED}),
     * {@code subjectKind} the kind of thing acted on ({@code OBSERVATION}), {@code summary} a
     * Spanish sentence saying what happened.
     */
    public record Act(String actor, String action, String subjectKind, String subjectId, UUID accountId, String cycleId,
                      Instant deadline, String summary, Map<String, String> details) {

        public Act {
            details = details == null ? Map.of() : Map.copyOf(details);
        }

        public static Act of(String actor, String action, String subjectKind, UUID subjectId, UUID accountId, String cycleId,
                             Instant deadline, String summary) {
            return new Act(actor, action, subjectKind, subjectId.toString(), accountId, cycleId, deadline, summary, Map.of());
        }

        public Act with(String key, String value) {
            if (value == null) {
                return this;
            }
            java.util.HashMap<String, String> more = new java.util.HashMap<>(details);
            more.put(key, value);
            return new Act(actor, action, subjectKind, subjectId, accountId, cycleId, deadline, summary, more);
        }
    }
}
