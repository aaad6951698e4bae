package mx.ine.redes.events;

import java.util.List;

/** Registry data of an account changed; {@code changedFields} names what changed. */
public record AccountUpdated(AccountSnapshot account, List<String> changedFields) implements DomainEvent {

    public AccountUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public String aggregateId() {
        return account.accountId().toString();
    }
}
