package mx.ine.redes.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.reporting.service.InventoryProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The registry's events feed the inventory; a record that fails is parked on the dead-letter topic. */
@ApplicationScoped
public class AccountEventsConsumer {

    @Inject
    InventoryProjection inventory;

    @Incoming("account-events")
    @Blocking
    public void onAccountEvent(String record) {
        inventory.apply(record);
    }
}
