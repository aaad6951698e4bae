package mx.ine.redes.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * CNCS recorded the act that the account stays (seed 001, "Permanencia de cuentas /
 * Observaciones"): the decision's date, its reason and observations as the act has them.
 * {@code actId} is the act's id in the registry.
 */
public record PermanenceRecorded(
        UUID accountId,
        UUID actId,
        LocalDate decidedOn,
        String reason,
        String observations) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
