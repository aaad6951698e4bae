package mx.ine.redes.evaluation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.evaluation.service.RegistryProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The registry's events; a record that fails is parked on this service's dead-letter topic. */
@ApplicationScoped
public class AccountEventsConsumer {

    @Inject
    RegistryProjection projection;

    @Incoming("account-events")
    @Blocking
    public void onAccountEvent(String record) {
        projection.apply(record);
    }
}
