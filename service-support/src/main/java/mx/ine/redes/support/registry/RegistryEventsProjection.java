package mx.ine.redes.support.registry;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.support.inbox.Inbox;

/**
 * A service's own projection of the registry, fed by accounts-service's events: each event is
 * applied once (inbox) in one transaction with its effect. A service says only what it keeps.
 */
@Transactional
public abstract class RegistryEventsProjection {

    @Inject
    Inbox inbox;

    /** The inbox name of this projection, unique within the service. */
    protected abstract String consumerName();

    /** An account was registered or its registry data changed: store what this service needs. */
    protected abstract void accountChanged(AccountSnapshot account);

    protected abstract void accountDecommissioned(AccountDecommissioned decommissioned);

    /** Only projections that authorise or notify administrators care. */
    protected void administratorAssigned(AdministratorAssigned assigned) {
    }

    /** Applies one record of {@code ine.accounts.events}; a malformed one throws (dead-letter topic). */
    public void apply(String record) {
        inbox.applyOnce(consumerName(), record, this::dispatch);
    }

    private void dispatch(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case AccountRegistered registered -> accountChanged(registered.account());
            case AccountUpdated updated -> accountChanged(updated.account());
            case AccountDecommissioned decommissioned -> accountDecommissioned(decommissioned);
            case AdministratorAssigned assigned -> administratorAssigned(assigned);
            default -> {
                // Dormancy flags and training do not change a registry projection.
            }
        }
    }

    /** The administrators with {@code email} added once. */
    protected static List<String> withAdministrator(List<String> administrators, String email) {
        List<String> emails = new ArrayList<>(administrators);
        if (!emails.contains(email)) {
            emails.add(email);
        }
        return emails;
    }
}
