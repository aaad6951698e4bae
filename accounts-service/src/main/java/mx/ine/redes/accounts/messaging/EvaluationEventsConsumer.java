package mx.ine.redes.accounts.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.support.consumer.EventConsumption;
import mx.ine.redes.support.consumer.RecordHandler;
import mx.ine.redes.support.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The evaluation proposes bajas ({@link BajaProposed}); the registry keeps each proposal so that the
 * baja act deciding it can cite it. Other evaluation events are recorded as seen and ignored.
 * Retried until applied; only a record that cannot be decoded is parked ({@link EventConsumption}).
 */
@ApplicationScoped
public class EvaluationEventsConsumer implements RecordHandler {

    static final String CONSUMER = "accounts-service.evaluation";

    @Inject
    Inbox inbox;

    @Inject
    AccountService accounts;

    @Inject
    EventConsumption consumption;

    @Incoming("evaluation-events")
    @Blocking
    public void onEvaluationEvent(ConsumerRecord<String, String> record) {
        consumption.consume(this, record);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void apply(String record) {
        inbox.applyOnce(CONSUMER, record, envelope -> {
            if (envelope.payload() instanceof BajaProposed proposed) {
                accounts.recordBajaProposal(proposed);
            }
        });
    }
}
