package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An unattended request or observation went to the head of the area "para que éste instruya la
 * atención inmediata" (Art. 15). {@code subjectKind} is {@code REQUEST} or {@code OBSERVATION}.
 */
public record EscalatedToAreaHead(
        UUID subjectId,
        String subjectKind,
        UUID accountId,
        String cycleId,
        String areaCode,
        String headEmail,
        Instant escalatedAt,
        Instant attendBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
