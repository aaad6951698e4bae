package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The evaluation proposes the account's baja to the Committee (domain.md §5): {@code grounds} is
 * {@code NOT_PERTINENT} (its rating) or {@code DORMANT} (no publication for more than a year).
 * When the baja is decided, the registry's act cites {@code proposalId}
 * ({@link AccountDecommissioned#bajaProposalId()}).
 */
public record BajaProposed(
        UUID proposalId,
        UUID accountId,
        String cycleId,
        UUID evaluationId,
        String areaCode,
        String network,
        String handle,
        String grounds,
        Integer overallScore,
        Instant proposedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
