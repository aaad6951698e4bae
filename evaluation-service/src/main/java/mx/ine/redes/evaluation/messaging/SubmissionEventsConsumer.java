package mx.ine.redes.evaluation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import mx.ine.redes.evaluation.service.RequestService;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Submissions attend requests: progress and the Art. 15 chain follow them. */
@ApplicationScoped
public class SubmissionEventsConsumer {

    static final String CONSUMER = "evaluation-submissions";

    @Inject
    Inbox inbox;

    @Inject
    RequestService requests;

    @Incoming("submission-events")
    @Blocking
    @Transactional
    public void onSubmissionEvent(String record) {
        inbox.applyOnce(CONSUMER, record, envelope -> {
            if (envelope.payload() instanceof SubmissionReceived received) {
                requests.recordSubmission(received);
            }
        });
    }
}
