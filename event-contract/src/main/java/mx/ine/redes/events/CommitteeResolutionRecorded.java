package mx.ine.redes.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The Committee (Art. 4, Art. 8) recorded a resolution on a cycle's report ({@code subjectKind}
 * {@code REPORT}) or on one of its non-compliance items ({@code NON_COMPLIANCE_ITEM}: the request
 * or observation {@code subjectId} reported to it). {@code resolution} is {@code RECEIVED},
 * {@code AGREED} or {@code INSTRUCTED}; {@code resolvedOn} the session's date.
 */
public record CommitteeResolutionRecorded(
        UUID resolutionId,
        String cycleId,
        String subjectKind,
        UUID subjectId,
        UUID accountId,
        String areaCode,
        String resolution,
        String text,
        LocalDate resolvedOn,
        String recordedBy,
        Instant recordedAt) implements DomainEvent {

    /** The account's id for an item (its events stay in order with the account's); the cycle for a report. */
    @Override
    public String aggregateId() {
        return accountId != null ? accountId.toString() : cycleId;
    }
}
