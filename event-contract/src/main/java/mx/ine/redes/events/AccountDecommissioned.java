package mx.ine.redes.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Baja: the account left the registry of live accounts (it is never deleted). {@code bajaProposalId}
 * is the evaluation's proposed baja ({@link BajaProposed}) the act cites, when it decides one.
 */
public record AccountDecommissioned(
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        LocalDate decommissionedOn,
        String reason,
        String observations,
        UUID bajaProposalId) implements DomainEvent {

    public AccountDecommissioned(UUID accountId, String network, String handle, String areaCode, LocalDate decommissionedOn,
                                 String reason, String observations) {
        this(accountId, network, handle, areaCode, decommissionedOn, reason, observations, null);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
