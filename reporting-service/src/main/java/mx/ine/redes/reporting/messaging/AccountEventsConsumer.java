package mx.ine.redes.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.reporting.service.InventoryProjection;
import mx.ine.redes.reporting.service.ReadModelGate;
import mx.ine.redes.reporting.service.ReportFeed;
import mx.ine.redes.support.consumer.EventConsumption;
import mx.ine.redes.support.consumer.RecordHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The registry's events feed the inventory and, in the same transaction, what the report needs besides it
 * (trainings, dormancy flags, bajas decided: {@link ReportFeed}). Retried until applied; only a record that cannot be decoded is
 * parked in this service's dead-letter store ({@link EventConsumption}).
 */
@ApplicationScoped
public class AccountEventsConsumer implements RecordHandler {

    static final String CONSUMER = "reporting-inventory";

    @Inject
    InventoryProjection inventory;

    @Inject
    ReportFeed feed;

    @Inject
    EventConsumption consumption;

    @Inject
    ReadModelGate gate;

    @Incoming("account-events")
    @Blocking
    public void onAccountEvent(ConsumerRecord<String, String> record) {
        gate.consumeLive(consumerName(), () -> consumption.consume(this, record));
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void apply(String record) {
        inventory.apply(record);
        feed.applyRegistryEvent(record);
    }
}
