package mx.ine.redes.events;

import java.time.LocalDate;
import java.util.UUID;

/** No publication for more than 365 days (or not located on its network): proposed for baja. */
public record AccountFlaggedDormant(
        UUID accountId,
        String areaCode,
        LocalDate lastPublicationOn,
        long daysWithoutPublication,
        boolean notLocated) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
