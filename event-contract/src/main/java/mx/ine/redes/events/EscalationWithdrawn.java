package mx.ine.redes.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Art. 15 chain of a request was withdrawn: a submission received on time (domain.md §3,
 * "timeliness is judged at intake") reached this service only after the chain had fired. The
 * overdue, the escalation and any report to the Committee no longer count; {@code notified} are
 * the people who had been told and are told it was withdrawn.
 */
public record EscalationWithdrawn(
        UUID subjectId,
        String subjectKind,
        UUID accountId,
        String cycleId,
        String areaCode,
        Instant receivedAt,
        Instant dueAt,
        Instant withdrawnAt,
        boolean wasReportedToCommittee,
        List<String> notified) implements DomainEvent {

    public EscalationWithdrawn {
        notified = notified == null ? List.of() : List.copyOf(notified);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
