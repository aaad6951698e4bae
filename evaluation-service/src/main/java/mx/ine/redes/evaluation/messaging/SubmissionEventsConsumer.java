package mx.ine.redes.evaluation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.evaluation.service.EvaluationCaseService;
import mx.ine.redes.evaluation.service.ObservationService;
import mx.ine.redes.evaluation.service.RequestService;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.consumer.EventConsumption;
import mx.ine.redes.support.consumer.RecordHandler;
import mx.ine.redes.support.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Submissions attend requests: progress and the Art. 15 chain follow them; each version opens or
 * updates the request's evaluation case (Art. 13) and a correction answers its observation (Art. 14), in the
 * same inbox transaction. A submission that fails
 * to apply is retried until it is, never skipped: a lost one would let an escalation run on.
 */
@ApplicationScoped
public class SubmissionEventsConsumer implements RecordHandler {

    static final String CONSUMER = "evaluation-submissions";

    @Inject
    Inbox inbox;

    @Inject
    RequestService requests;

    @Inject
    EvaluationCaseService cases;

    @Inject
    ObservationService observations;

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
            if (envelope.payload() instanceof SubmissionReceived received) {
                // The case first: it takes the calendar (shared) before any row lock, as every term's command must.
                cases.recordSubmission(received);
                requests.recordSubmission(received);
                // A correction answering an observation (Art. 14), once the case holds its figures.
                observations.recordCorrection(received);
            }
        });
    }
}
