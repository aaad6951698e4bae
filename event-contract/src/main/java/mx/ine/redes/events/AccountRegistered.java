package mx.ine.redes.events;

/** A new account entered the registry. */
public record AccountRegistered(AccountSnapshot account) implements DomainEvent {

    @Override
    public String aggregateId() {
        return account.accountId().toString();
    }
}
