package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/** Still unattended after the escalation period: a non-compliance item for the Committee. */
public record ReportedToCommittee(
        UUID subjectId,
        String subjectKind,
        UUID accountId,
        String cycleId,
        String areaCode,
        Instant reportedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
