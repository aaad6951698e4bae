package mx.ine.redes.reporting;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.EvaluationOpened;
import mx.ine.redes.events.EvaluationTermMoved;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.reporting.ReportWorld.Area;
import mx.ine.redes.support.testing.KafkaTestClient;

/**
 * A known state of operations, published through Kafka as the producing services would (over {@link ReportWorld}):
 * three areas (one per level), seven accounts, the cycle 2032-S1 opened after 2031-S2, with instants placed around
 * {@code now} (the service's clock when the world is built) so that time left is known to the minute. What each
 * table and gauge must then say is written out in the tests, from the rules; the comments here say what each
 * event is for.
 */
public final class OperationsWorld {

    public static final String PREVIOUS = "2031-S2";
    public static final String CYCLE = "2032-S1";

    public static final Area CEN = new Area("CEN", "Coordinación Nacional de Comunicación Social", "CENTRAL", "cncs-head@ine.mx",
            List.of());
    public static final Area JL07 = CEN.below("JL07", "Junta Local Ejecutiva en Chiapas", "LOCAL", "jl07@ine.mx");
    public static final Area JD0701 = JL07.below("JD0701", "Junta Distrital Ejecutiva 01 de Chiapas", "DISTRICT", "jd0701@ine.mx");

    private final ReportWorld world = new ReportWorld();
    private final Instant now;

    public UUID c1, c2, l1, l2, l3, d1, d2;
    public UUID o1, o2, o3, o4, o5;
    public UUID v1, v2, v3, v4;

    private OperationsWorld(Instant now) {
        this.now = now;
    }

    /** Empties the read model and this service's dead letters, publishes the world and waits until all of it is applied. */
    public static OperationsWorld publish(Instant now) {
        ReportWorld.clearReadModel();
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("truncate dead_letter").executeUpdate());
        OperationsWorld operations = new OperationsWorld(now);
        operations.build();
        operations.world.awaitApplied(Duration.ofSeconds(60));
        operations.parkOneUndecodableRecord(entityManager);
        return operations;
    }

    public ReportWorld events() {
        return world;
    }

    private void build() {
        LocalDate longAgo = LocalDate.of(2029, 3, 1);
        c1 = world.account(CEN, "X", "INEMexico", longAgo, List.of("c1@ine.mx"));
        c2 = world.account(CEN, "FACEBOOK", "INEMexicoOficial", longAgo, List.of());
        l1 = world.account(JL07, "X", "INEChiapas", longAgo, List.of());
        l2 = world.account(JL07, "FACEBOOK", "INEChiapasOficial", longAgo, List.of());
        l3 = world.account(JL07, "INSTAGRAM", "inechiapas", longAgo, List.of());
        d1 = world.account(JD0701, "X", "INEJD0701", longAgo, List.of());
        d2 = world.account(JD0701, "FACEBOOK", "INEJD0701oficial", longAgo, List.of());

        // The previous cycle: its request does not count in the current one's progress, its escalation neither;
        // its observation, still open, does (open work is shown whatever its cycle).
        world.cycle(PREVIOUS, LocalDate.of(2031, 7, 1), LocalDate.of(2031, 12, 31), 1);
        UUID previousRequest = world.request(c1, PREVIOUS, CEN);
        world.escalated(previousRequest, "REQUEST", c1, PREVIOUS, CEN);
        world.reported(previousRequest, "REQUEST", c1, PREVIOUS, CEN);
        o1 = observation(c1, PREVIOUS, CEN, now.minus(Duration.ofDays(5)), now.plus(Duration.ofHours(30).plusMinutes(30)));
        // An evaluation of the previous cycle, opened and completed: not in the backlog.
        v4 = UUID.randomUUID();
        opened(v4, previousRequest, c1, PREVIOUS, "X", CEN, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(26)));
        world.completed(v4, c1, PREVIOUS, CEN, 80, "GOOD", "GOOD", false, List.of());

        // The current cycle: six requests standing, one withdrawn.
        world.cycle(CYCLE, LocalDate.of(2032, 1, 1), LocalDate.of(2032, 6, 30), 7);
        UUID c1Request = world.request(c1, CYCLE, CEN);
        UUID c2Request = world.request(c2, CYCLE, CEN);
        UUID l1Request = world.request(l1, CYCLE, JL07);
        UUID l2Request = world.request(l2, CYCLE, JL07);
        UUID l3Request = world.request(l3, CYCLE, JL07);
        UUID d1Request = world.request(d1, CYCLE, JD0701);
        UUID d2Request = world.request(d2, CYCLE, JD0701);
        world.withdrawRequest(d1Request, d1, CYCLE);
        submission(c1Request, c1, "X", false, null);
        submission(c2Request, c2, "FACEBOOK", true, null);
        submission(l1Request, l1, "X", false, null);
        world.overdue(l2Request, l2, CYCLE, JL07);
        world.overdue(d2Request, d2, CYCLE, JD0701);

        // Observations: o2 past due, o3 due in two days, o4 past due but answered (awaits CNCS), o5 resolved.
        o2 = observation(l1, CYCLE, JL07, now.minus(Duration.ofDays(4)), now.minus(Duration.ofHours(51).plusMinutes(30)));
        o3 = observation(l2, CYCLE, JL07, now.minus(Duration.ofDays(1)), now.plus(Duration.ofHours(48).plusMinutes(30)));
        o4 = observation(d2, CYCLE, JD0701, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
        submission(UUID.randomUUID(), d2, "FACEBOOK", false, o4);
        o5 = observation(c2, CYCLE, CEN, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(1)));
        world.resolved(o5, c2, CYCLE, CEN, true);
        // o6 answered, its correction found wanting: followed up by o7 (which closes o6), and o7 resolved. Neither is open.
        UUID o6 = observation(c2, CYCLE, CEN, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(3)));
        submission(UUID.randomUUID(), c2, "FACEBOOK", false, o6);
        UUID o7 = UUID.randomUUID();
        world.publish(new ObservationIssued(o7, c2, CYCLE, CEN.code(), "Las cifras corregidas siguen sin concordar", now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(1)), null, null, java.util.List.of("reach"), o6, "cncs@ine.mx"));
        world.resolved(o7, c2, CYCLE, CEN, true);

        // Art. 15 chains: l2's request with the area head; d2's before the Committee; o2's resolved by the
        // Committee; one of CEN's withdrawn.
        world.escalated(l2Request, "REQUEST", l2, CYCLE, JL07);
        world.escalated(d2Request, "REQUEST", d2, CYCLE, JD0701);
        world.reported(d2Request, "REQUEST", d2, CYCLE, JD0701);
        world.escalated(o2, "OBSERVATION", l1, CYCLE, JL07);
        world.reported(o2, "OBSERVATION", l1, CYCLE, JL07);
        world.resolution(CYCLE, "OBSERVATION", o2, l1, JL07, "INSTRUCTED", "Que el área corrija las cifras", LocalDate.of(2032, 7, 20));
        world.escalated(c2Request, "REQUEST", c2, CYCLE, CEN);
        world.escalationWithdrawn(c2Request, "REQUEST", c2, CYCLE, CEN);

        // CNCS's term: v1 with five days left; v2 was past its term until a calendar change moved it to 26 h 30 min
        // from now (due soon); v3 past its term by 25 h 30 min.
        v1 = UUID.randomUUID();
        opened(v1, c1Request, c1, CYCLE, "X", CEN, now.minus(Duration.ofDays(9)), now.plus(Duration.ofDays(5)));
        v2 = UUID.randomUUID();
        opened(v2, c2Request, c2, CYCLE, "FACEBOOK", CEN, now.minus(Duration.ofDays(12)), now.minus(Duration.ofDays(1)));
        world.publish(new EvaluationTermMoved(v2, c2, CYCLE, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofHours(26).plusMinutes(30)), 2));
        v3 = UUID.randomUUID();
        opened(v3, l1Request, l1, CYCLE, "X", JL07, now.minus(Duration.ofDays(15)), now.minus(Duration.ofHours(25).plusMinutes(30)));
    }

    private UUID observation(UUID account, String cycle, Area area, Instant issuedAt, Instant dueAt) {
        UUID observationId = UUID.randomUUID();
        world.publish(new ObservationIssued(observationId, account, cycle, area.code(), "Corregir las cifras de alcance", issuedAt,
                dueAt));
        return observationId;
    }

    private void opened(UUID evaluation, UUID request, UUID account, String cycle, String network, Area area, Instant received,
                        Instant due) {
        world.publish(new EvaluationOpened(evaluation, request, account, cycle, network, area.code(), area.level(), received, due));
    }

    private void submission(UUID request, UUID account, String network, boolean late, UUID answersObservation) {
        Instant received = now.minus(Duration.ofDays(10));
        world.publish(new SubmissionReceived(UUID.randomUUID(), request, account, CYCLE, "CYCLE", network, 1, received,
                received.plus(Duration.ofDays(1)), late, Map.of("posts", 10L, "followers", 1000L, "impressions", 5000L),
                new SubmissionReceived.Audience(Map.of(), Map.of(), Map.of()), List.of(), null, List.of(), answersObservation, 1,
                List.of(), new SubmissionReceived.EnteredBy("admin@ine.mx", false, "PORTAL", null)));
    }

    /** A record nobody can decode, parked by the evaluation events' consumer: the one dead letter of this service. */
    private void parkOneUndecodableRecord(EntityManager entityManager) {
        KafkaTestClient.send(Topics.EVALUATION, UUID.randomUUID().toString(), "{esto no es un evento");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery("select count(*) from dead_letter where replayed_at is null")
                        .getSingleResult()).longValue()) == 1);
    }
}
