package mx.ine.redes.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.MalformedEventException;
import mx.ine.redes.events.UnknownEventTypeException;
import org.hibernate.Session;
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
        Decoded decoded = DECODED.get();
        if (decoded == null || decoded.record() != record) {
            decoded = decode(record);
        }
        if (decoded.unknown() != null) {
            UnknownEventTypeException unknown = decoded.unknown();
            if (firstDelivery(unknown.eventId(), unknown.type(), consumer)) {
                LOG.infof("%s skips event %s of type %s, which it does not know", consumer, unknown.eventId(), unknown.type());
            }
            return;
        }
        EventEnvelope envelope = decoded.envelope();
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
        // Plain JDBC on the transaction's own connection: a native query would have Hibernate parse the SQL and
        // flush the session first, a fifth of a consumer's CPU for a row no entity maps (profiled under load).
        int inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (event_id, consumer, event_type, processed_at)
                    values (?, ?, ?, ?)
                    on conflict do nothing""")) {
                insert.setObject(1, eventId);
                insert.setString(2, consumer);
                insert.setString(3, eventType);
                insert.setObject(4, OffsetDateTime.ofInstant(clock.instant(), clock.getZone()));
                return insert.executeUpdate();
            }
        });
        return inserted == 1;
    }

    // --- decoding once ------------------------------------------------------------------------------

    /** A record as decoded: its envelope, or the well-formed event of a type this version does not know. */
    public record Decoded(String record, EventEnvelope envelope, UnknownEventTypeException unknown) {
    }

    private static final ThreadLocal<Decoded> DECODED = new ThreadLocal<>();

    /**
     * Decodes a record (the consumer first checks that it can be decoded at all).
     *
     * @throws MalformedEventException for a record that is not an event of the contract
     */
    public static Decoded decode(String record) {
        try {
            return new Decoded(record, EventJson.read(record), null);
        } catch (UnknownEventTypeException unknown) {
            return new Decoded(record, null, unknown);
        }
    }

    /**
     * Runs {@code action} on this thread with the record already decoded, so that {@link #applyOnce} of that very
     * record (the same string) does not read it again.
     */
    public static void withDecoded(Decoded decoded, Runnable action) {
        Decoded outer = DECODED.get();
        DECODED.set(decoded);
        try {
            action.run();
        } finally {
            if (outer == null) {
                DECODED.remove();
            } else {
                DECODED.set(outer);
            }
        }
    }
}
