package mx.ine.redes.accounts.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.consumer.EventConsumption;
import mx.ine.redes.support.consumer.RecordHandler;
import mx.ine.redes.support.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Submissions report when an account last published; the registry keeps that date for dormancy.
 * Other submission events are recorded as seen and ignored. Retried until applied; only a record
 * that cannot be decoded is parked ({@link EventConsumption}).
 */
@ApplicationScoped
public class SubmissionEventsConsumer implements RecordHandler {

    static final String CONSUMER = "accounts-service.submissions";

    @Inject
    Inbox inbox;

    @Inject
    AccountService accounts;

    @Inject
    EventConsumption consumption;

    @Incoming("submission-events")
    @Blocking
    public void onSubmissionEvent(ConsumerRecord<String, String> record) {
        consumption.consume(this, record);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void apply(String record) {
        inbox.applyOnce(CONSUMER, record, envelope -> {
            if (envelope.payload() instanceof SubmissionReceived received && received.lastPublicationOn() != null) {
                accounts.recordPublication(received.accountId(), received.lastPublicationOn());
            }
        });
    }
}
