package mx.ine.redes.accounts.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Submissions report when an account last published; the registry keeps that date for dormancy.
 * Other submission events are recorded as seen and ignored.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    static final String CONSUMER = "accounts-service.submissions";

    @Inject
    Inbox inbox;

    @Inject
    AccountService accounts;

    @Incoming("submission-events")
    @Blocking
    @Transactional
    public void onSubmissionEvent(String record) {
        inbox.applyOnce(CONSUMER, record, envelope -> {
            if (envelope.payload() instanceof SubmissionReceived received && received.lastPublicationOn() != null) {
                accounts.recordPublication(received.accountId(), received.lastPublicationOn());
            }
        });
    }
}
