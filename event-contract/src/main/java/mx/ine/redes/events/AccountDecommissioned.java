package mx.ine.redes.events;

import java.time.LocalDate;
import java.util.UUID;

/** Baja: the account left the registry of live accounts (it is never deleted). */
public record AccountDecommissioned(
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        LocalDate decommissionedOn,
        String reason,
        String observations) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
