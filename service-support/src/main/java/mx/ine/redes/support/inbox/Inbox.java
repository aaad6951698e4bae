package mx.ine.redes.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.MalformedEventException;
import mx.ine.redes.events.UnknownEventTypeException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} in the transaction that
 * applies the effect: the id and the effect commit together, so a redelivered event changes
 * nothing, and a crash before the commit leaves neither.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Reads a record and applies its effect once for this consumer, in the caller's transaction. An
     * event of a type this version does not know is recorded as seen and skipped (tolerant reader).
     *
     * @throws MalformedEventException for a record that is not an event of the contract;
     *         {@code EventConsumption} then parks it in the service's dead-letter store
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyOnce(String consumer, String record, Consumer<EventEnvelope> effect) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(record);
        } catch (UnknownEventTypeException unknown) {
            if (firstDelivery(unknown.eventId(), unknown.type(), consumer)) {
                LOG.infof("%s skips event %s of type %s, which it does not know", consumer, unknown.eventId(), unknown.type());
            }
            return;
        }
        if (!firstDelivery(envelope, consumer)) {
            LOG.debugf("%s already applied event %s (%s); redelivery ignored", consumer, envelope.eventId(), envelope.type());
            return;
        }
        MDC.put("correlationId", envelope.correlationId() == null ? "" : envelope.correlationId());
        try {
            effect.accept(envelope);
        } finally {
            MDC.remove("correlationId");
        }
    }

    /**
     * @return {@code true} the first time this consumer sees the event; {@code false} for a
     *         redelivery, in which case the caller must do nothing. A concurrent delivery of the
     *         same event waits on the primary key until the first one commits or rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope envelope, String consumer) {
        return firstDelivery(envelope.eventId(), envelope.type(), consumer);
    }

    private boolean firstDelivery(UUID eventId, String eventType, String consumer) {
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (event_id, consumer, event_type, processed_at)
                values (:eventId, :consumer, :eventType, :processedAt)
                on conflict do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .setParameter("eventType", eventType)
                .setParameter("processedAt", OffsetDateTime.ofInstant(clock.instant(), clock.getZone()))
                .executeUpdate();
        return inserted == 1;
    }
}
