package mx.ine.redes.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.reporting.service.ReadModelGate;
import mx.ine.redes.reporting.service.ReportFeed;
import mx.ine.redes.support.consumer.EventConsumption;
import mx.ine.redes.support.consumer.RecordHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code ine.submissions.events} feeds the semi-annual report's read model ({@link ReportFeed}). Retried until applied;
 * a record that cannot be decoded is parked in this service's dead-letter store; a type this version
 * does not know is recorded as seen and skipped.
 */
@ApplicationScoped
public class SubmissionEventsConsumer implements RecordHandler {

    @Inject
    ReportFeed feed;

    @Inject
    EventConsumption consumption;

    @Inject
    ReadModelGate gate;

    @Incoming("submission-events")
    @Blocking
    public void onSubmissionEvent(ConsumerRecord<String, String> record) {
        gate.consumeLive(consumerName(), () -> consumption.consume(this, record));
    }

    @Override
    public String consumerName() {
        return ReportFeed.SUBMISSIONS_CONSUMER;
    }

    @Override
    public void apply(String record) {
        feed.applySubmissionEvent(record);
    }
}
