package mx.ine.redes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.support.retention.RetentionJob;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention with the defaults (outbox P7D, inbox P30D) and batches of
 * {@link SmallBatches#RETENTION_BATCH}, driven by moving the clock.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestProfile(SmallBatches.class)
class RetentionTest {

    private static final String CONSUMER = "retention-test";

    @Inject
    RetentionJob retention;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldPruneOnlyPublishedOutboxRowsAndInboxIdsPastTheirRetention() {
        Instant now = clock.instant();
        String key = UUID.randomUUID().toString();
        // Eleven old published rows: three batches of 4, the last one short.
        List<UUID> oldPublished = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            oldPublished.add(outboxRow(key, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8))));
        }
        UUID publishedSixDaysAgo = outboxRow(key, now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        // Never published (the broker has been away for 40 days): kept whatever its age. Its topic
        // is a test one, in case the relay publishes it meanwhile.
        UUID unpublished = outboxRow(key, now.minus(Duration.ofDays(40)), null);
        UUID inboxThirtyOneDays = inboxRow(now.minus(Duration.ofDays(31)));
        UUID inboxTwentyNineDays = inboxRow(now.minus(Duration.ofDays(29)));

        RetentionJob.Pruned first = retention.prune();

        assertThat(first.outboxRows()).isGreaterThanOrEqualTo(11);
        assertThat(outboxEventIds(key)).containsExactlyInAnyOrder(publishedSixDaysAgo, unpublished);
        assertThat(inboxEventIds()).containsExactlyInAnyOrder(inboxTwentyNineDays);
        assertThat(oldPublished).doesNotContainAnyElementsOf(outboxEventIds(key));

        // Two days on, the six-day-old row is past 7 days and the 29-day-old id past 30.
        clock.advance(Duration.ofDays(2));
        retention.prune();

        assertThat(outboxEventIds(key)).containsExactly(unpublished);
        assertThat(inboxEventIds()).isEmpty();
    }

    private static UUID outboxRow(String key, Instant createdAt, Instant publishedAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager().createNativeQuery("""
                        insert into outbox_message (event_id, topic, message_key, event_type, envelope, created_at, published_at)
                        values (:eventId, 'ine.test.retention', :key, 'AccountFlaggedDormant', '{}', :createdAt, :publishedAt)""")
                .setParameter("eventId", eventId)
                .setParameter("key", key)
                .setParameter("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .setParameter("publishedAt", publishedAt == null ? null : OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC))
                .executeUpdate());
        return eventId;
    }

    private static UUID inboxRow(Instant processedAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager().createNativeQuery("""
                        insert into processed_event (event_id, consumer, event_type, processed_at)
                        values (:eventId, :consumer, 'SubmissionReceived', :processedAt)""")
                .setParameter("eventId", eventId)
                .setParameter("consumer", CONSUMER)
                .setParameter("processedAt", OffsetDateTime.ofInstant(processedAt, ZoneOffset.UTC))
                .executeUpdate());
        return eventId;
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> outboxEventIds(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createNativeQuery("select event_id from outbox_message where message_key = :key", UUID.class)
                .setParameter("key", key).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> inboxEventIds() {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createNativeQuery("select event_id from processed_event where consumer = :consumer", UUID.class)
                .setParameter("consumer", CONSUMER).getResultList());
    }
}
