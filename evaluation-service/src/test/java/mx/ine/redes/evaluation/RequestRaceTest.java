package mx.ine.redes.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mx.ine.redes.evaluation.service.RequestService;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.evaluation.timer.Timers;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A submission and the DUE timer race for the same request, on the real database, many times: the
 * submission's command and the timer's handler both take the request's row lock, and neither waits
 * for a row the other holds out of order, so every outcome is one of the two coherent histories and
 * none deadlocks.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class RequestRaceTest {

    private static final int ROUNDS = 40;

    @Inject
    RequestService requests;

    @Inject
    TimerEngine engine;

    @Inject
    Timers timers;

    @Inject
    EntityManager entityManager;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldEndEveryRaceOfAnOnTimeSubmissionAndItsDeadlineCoherently() throws Exception {
        clock.advance(Duration.ofDays(1000)); // a quiet stretch: no other test's timer is due here
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int fired = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Instant dueAt = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
                UUID request = openRequestPastItsDeadline(dueAt);
                SubmissionReceived onTime = new SubmissionReceived(UUID.randomUUID(), request, accountOf(request), null, "CYCLE", "X", 1,
                        dueAt.minusSeconds(60), dueAt, false, Map.of("posts", 1L), null, List.of(), LocalDate.of(2026, 1, 1),
                        List.of(), null, 0, List.of(), new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> submission = pool.submit(() -> {
                    start.await();
                    requests.recordSubmission(onTime);
                    return null;
                });
                Future<?> sweep = pool.submit(() -> {
                    start.await();
                    engine.sweep();
                    return null;
                });
                submission.get(30, TimeUnit.SECONDS); // a deadlock or a lost update would throw here
                sweep.get(30, TimeUnit.SECONDS);

                Object[] row = row(request);
                assertThat(row[0]).as("round %d", round).isEqualTo("SUBMITTED");
                assertThat(row[1]).as("on time, whatever won").isEqualTo(false);
                List<String> events = eventTypes(request);
                if (events.contains("SubmissionOverdue")) {
                    fired++;
                    // The chain fired first: the on-time submission withdrew it, and nothing of it is left to leave.
                    assertThat(row[2]).as("round %d: chain withdrawn", round).isNotNull();
                    assertThat(events).contains("EscalationWithdrawn");
                    assertThat(queuedChainNotices(request)).as("round %d", round).isZero();
                } else {
                    assertThat(row[2]).as("round %d: nothing to withdraw", round).isNull();
                    assertThat(events).doesNotContain("EscalationWithdrawn");
                }
                assertThat(events).doesNotContain("ReportedToCommittee");
                assertThat(pendingTimers(request)).as("round %d: nothing left to fire", round).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("RequestRaceTest: the timer won %d of %d races%n", fired, ROUNDS);
    }

    private UUID openRequestPastItsDeadline(Instant dueAt) {
        UUID account = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewedAccount projected = new ReviewedAccount();
            projected.accountId = account;
            projected.network = "X";
            projected.handle = "carrera" + id.toString().substring(0, 8);
            projected.areaCode = "JDE-RACE";
            projected.areaLevel = "DISTRICT";
            projected.headEmail = "titular.carrera@ine.mx";
            projected.administratorEmails = new ArrayList<>(List.of("admin.carrera@ine.mx"));
            projected.status = "ACTIVE";
            projected.updatedAt = clock.instant();
            projected.persist();
            SubmissionRequest request = new SubmissionRequest();
            request.id = id;
            request.kind = SubmissionRequest.Kind.AD_HOC;
            request.accountId = account;
            request.network = "X";
            request.handle = projected.handle;
            request.areaCode = "JDE-RACE";
            request.areaLevel = "DISTRICT";
            request.issuedAt = dueAt.minus(Duration.ofDays(3));
            request.issuedBy = "cncs@ine.mx";
            request.windowOpensAt = request.issuedAt;
            request.noticeSentAt = request.issuedAt;
            request.effectiveAt = request.issuedAt;
            request.requestedDueAt = dueAt;
            request.dueAt = dueAt;
            request.notifiedDueAt = dueAt;
            request.calendarVersion = 0;
            request.policy = "AD_HOC_DUE_DATE (Art. 12)";
            request.status = SubmissionRequest.Status.OPEN;
            request.persist();
            timers.schedule("REQUEST_DUE", id, dueAt.plus(Duration.ofMinutes(10)));
        });
        return id;
    }

    private UUID accountOf(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> SubmissionRequest.<SubmissionRequest>findById(request).accountId);
    }

    private Object[] row(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select status, submitted_late, chain_withdrawn_at from submission_request where id = :id")
                .setParameter("id", request).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String> eventTypes(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select event_type from outbox_message where envelope like :id order by id")
                .setParameter("id", "%" + request + "%").getResultList());
    }

    private long queuedChainNotices(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        select count(*) from notification where subject_id = :id
                        and kind in ('REQUEST_OVERDUE', 'ESCALATED_TO_AREA_HEAD') and status in ('QUEUED', 'HELD', 'SENDING')""")
                .setParameter("id", request).getSingleResult()).longValue());
    }

    private long pendingTimers(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from timer where subject_id = :id and status = 'PENDING'")
                .setParameter("id", request).getSingleResult()).longValue());
    }
}
