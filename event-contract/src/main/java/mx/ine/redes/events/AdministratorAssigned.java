package mx.ine.redes.events;

import java.util.UUID;

/** A person became an administrator of an account. */
public record AdministratorAssigned(
        UUID accountId,
        UUID personId,
        String personName,
        String personEmail,
        String areaCode) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
