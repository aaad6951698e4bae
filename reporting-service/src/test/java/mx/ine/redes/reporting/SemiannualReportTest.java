package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.PermanenceRecorded;
import mx.ine.redes.events.Topics;
import mx.ine.redes.reporting.ReportWorld.Area;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.service.SemiannualReports;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The semi-annual report of a known world, built only through the events: twelve accounts at three
 * levels, three networks and four areas; two cycles (growth against the first); every figure checked
 * against the values written out below from the rules.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemiannualReportTest {

    static final String PREVIOUS = "2031-S1";
    static final String CYCLE = "2031-S2";
    static final Duration WITHIN = Duration.ofSeconds(60);

    static final Area CEN = new Area("CEN", "Coordinación Nacional de Comunicación Social", "CENTRAL", "cncs-head@ine.mx", List.of());
    static final Area JL09 = CEN.below("JL09", "Junta Local Ejecutiva en la Ciudad de México", "LOCAL", "jl09@ine.mx");
    static final Area JD0901 = JL09.below("JD0901", "Junta Distrital Ejecutiva 01 de la Ciudad de México", "DISTRICT", "jd0901@ine.mx");
    static final Area JL07 = CEN.below("JL07", "Junta Local Ejecutiva en Chiapas", "LOCAL", "jl07@ine.mx");

    @Inject
    SemiannualReports reports;

    final ReportWorld world = new ReportWorld();
    UUID a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12;
    UUID o1, o2, o3, o4, o5, e1, e2, e3, e4, e5, e6, r1, r2, r3, p1, p2, t1, t2, res1, res2, a10Request;
    EventEnvelope staleVersionOne, overrideOfA6;

    @BeforeAll
    void buildTheWorld() {
        ReportWorld.clearReadModel();
        LocalDate longAgo = LocalDate.of(2029, 3, 1);
        a1 = world.account(CEN, "X", "INEMexico", longAgo, List.of("a1@ine.mx"));
        a2 = world.account(CEN, "FACEBOOK", "INEMexicoOficial", longAgo, List.of());
        a3 = world.account(CEN, "INSTAGRAM", "inemexico", longAgo, List.of());
        a4 = world.account(JL09, "X", "INECDMX", longAgo, List.of());
        a5 = world.account(JL09, "FACEBOOK", "INECDMXoficial", longAgo, List.of());
        a6 = world.account(JD0901, "X", "INEJD0901", longAgo, List.of());
        a7 = world.account(JD0901, "FACEBOOK", "INEJD0901oficial", longAgo, List.of());
        a8 = world.account(JL07, "X", "INEChiapas", longAgo, List.of());
        a9 = world.account(JL07, "FACEBOOK", "INEChiapasOficial", longAgo, List.of());
        a10 = world.account(JL07, "INSTAGRAM", "inechiapas", longAgo, List.of());
        a11 = world.account(JD0901, "INSTAGRAM", "inejd0901", LocalDate.of(2031, 8, 15), List.of());
        a12 = world.account(JL07, "X", "INEChiapasAnterior", longAgo, List.of());

        // The previous cycle: four accounts reported.
        world.cycle(PREVIOUS, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 6, 30), 4);
        world.submission(world.request(a1, PREVIOUS, CEN), a1, PREVIOUS, "X", 1, 90, 900, 4000, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a2, PREVIOUS, CEN), a2, PREVIOUS, "FACEBOOK", 1, 70, 1800, 3500, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a4, PREVIOUS, JL09), a4, PREVIOUS, "X", 1, 35, 280, 800, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a8, PREVIOUS, JL07), a8, PREVIOUS, "X", 1, 55, 390, 950, Map.of(), Map.of(), Map.of());
        world.training(LocalDate.of(2031, 3, 1), "Fuera del periodo", "1", "Virtual", List.of("x@ine.mx"));

        // The cycle reported on: eleven requests standing (a12's withdrawn), nine accounts reporting.
        world.cycle(CYCLE, LocalDate.of(2031, 7, 1), LocalDate.of(2031, 12, 31), 12);
        UUID a1Request = world.request(a1, CYCLE, CEN);
        world.submission(a1Request, a1, CYCLE, "X", 1, 100, 1000, 5000, Map.of("#VotoInformado", 10L),
                Map.of("female", pct("50"), "male", pct("50")), Map.of());
        world.submission(a1Request, a1, CYCLE, "X", 2, 120, 1100, 6000, Map.of("#VotoInformado", 12L, "#INEteInforma", 5L),
                Map.of("female", pct("55"), "male", pct("45")), Map.of());
        staleVersionOne = world.published().stream().filter(e -> e.type().equals("SubmissionReceived")).toList().get(4);
        world.submission(world.request(a2, CYCLE, CEN), a2, CYCLE, "FACEBOOK", 1, 80, 2000, 4000, Map.of("#VotoInformado", 8L),
                Map.of("female", pct("60"), "male", pct("40")), Map.of("18-24", pct("30")));
        world.submission(world.request(a3, CYCLE, CEN), a3, CYCLE, "INSTAGRAM", 1, 50, 500, 1500, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a4, CYCLE, JL09), a4, CYCLE, "X", 1, 40, 300, 900, Map.of("#INEteInforma", 5L),
                Map.of("female", pct("50.5"), "male", pct("49.5")), Map.of());
        world.submission(world.request(a5, CYCLE, JL09), a5, CYCLE, "FACEBOOK", 1, 30, 700, 1200, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a6, CYCLE, JD0901), a6, CYCLE, "X", 1, 10, 100, 200, Map.of("#Consulta2027", 3L),
                Map.of(), Map.of());
        world.submission(world.request(a7, CYCLE, JD0901), a7, CYCLE, "FACEBOOK", 1, 12, 150, 260, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a8, CYCLE, JL07), a8, CYCLE, "X", 1, 60, 400, 1000, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a9, CYCLE, JL07), a9, CYCLE, "FACEBOOK", 1, 20, 250, 600, Map.of(), Map.of(), Map.of());
        a10Request = world.request(a10, CYCLE, JL07);
        world.request(a11, CYCLE, JD0901);
        UUID a12Request = world.request(a12, CYCLE, JL07);
        world.withdrawRequest(a12Request, a12, CYCLE);

        // Evaluations: six completed (two late), a6's rating overridden; a5, a7, a9 still open.
        e1 = UUID.randomUUID(); e2 = UUID.randomUUID(); e3 = UUID.randomUUID();
        e4 = UUID.randomUUID(); e5 = UUID.randomUUID(); e6 = UUID.randomUUID();
        r1 = UUID.randomUUID(); r2 = UUID.randomUUID(); r3 = UUID.randomUUID();
        world.completed(e1, a1, CYCLE, CEN, 88, "PERTINENT", "PERTINENT", false, List.of());
        world.completed(e2, a2, CYCLE, CEN, 75, "PERTINENT_WITH_RECOMMENDATIONS", "PERTINENT_WITH_RECOMMENDATIONS", false, List.of(
                new IssuedRecommendation(r1, "MORE_MULTIMEDIA", "Publicar más video"),
                new IssuedRecommendation(r2, "PUBLISH_MORE_OFTEN", "Publicar cada semana")));
        world.completed(e6, a3, CYCLE, CEN, 70, "PERTINENT", "PERTINENT", false, List.of());
        world.completed(e3, a4, CYCLE, JL09, 62, "PERTINENT_WITH_RECOMMENDATIONS", "PERTINENT_WITH_RECOMMENDATIONS", false,
                List.of(new IssuedRecommendation(r3, "IMPROVE_ENGAGEMENT", "Responder los comentarios")));
        world.completed(e4, a6, CYCLE, JD0901, 40, "NOT_PERTINENT", "NOT_PERTINENT", true, List.of());
        world.overridden(e4, a6, CYCLE, JD0901, "NOT_PERTINENT", "PERTINENT_WITH_RECOMMENDATIONS");
        overrideOfA6 = world.published().getLast();
        world.completed(e5, a8, CYCLE, JL07, 30, "NOT_PERTINENT", "NOT_PERTINENT", true, List.of());

        // Recommendations: r1 attended (a stale "not attended" arrives after it), r2 not attended, r3 pending.
        EventEnvelope attended = world.recommendationSettled(r1, e2, a2, CYCLE, CEN, "MORE_MULTIMEDIA", "ATTENDED", "Se publicaron 10 videos");
        world.publish(new mx.ine.redes.events.RecommendationAttended(r1, e2, a2, CYCLE, CEN.code(), "MORE_MULTIMEDIA", "NOT_ATTENDED",
                "Decisión anterior", "cncs@ine.mx", java.time.Instant.now()), attended.sequence() - 1);
        world.recommendationSettled(r2, e2, a2, CYCLE, CEN, "PUBLISH_MORE_OFTEN", "NOT_ATTENDED", null);

        // Observations: five issued; corrected on time (o1, o5), late (o2); not corrected (o3, o4).
        o1 = world.observation(a1, CYCLE, CEN);
        world.resolved(o1, a1, CYCLE, CEN, true);
        o2 = world.observation(a4, CYCLE, JL09);
        world.resolved(o2, a4, CYCLE, JL09, false);
        o3 = world.observation(a6, CYCLE, JD0901);
        o4 = world.observation(a8, CYCLE, JL07);
        o5 = world.observation(a8, CYCLE, JL07);
        world.resolved(o5, a8, CYCLE, JL07, true);

        // Art. 15: o3 escalated and reported; o4 escalated then withdrawn; a10's request overdue and escalated.
        world.escalated(o3, "OBSERVATION", a6, CYCLE, JD0901);
        world.reported(o3, "OBSERVATION", a6, CYCLE, JD0901);
        world.escalated(o4, "OBSERVATION", a8, CYCLE, JL07);
        world.escalationWithdrawn(o4, "OBSERVATION", a8, CYCLE, JL07);
        world.overdue(a10Request, a10, CYCLE, JL07);
        world.escalated(a10Request, "REQUEST", a10, CYCLE, JL07);
        res1 = world.resolution(CYCLE, "NON_COMPLIANCE_ITEM", o3, a6, JD0901, "INSTRUCTED",
                "Se instruye a la Junta Distrital atender la observación", LocalDate.of(2031, 12, 10));
        res2 = world.resolution(CYCLE, "REPORT", null, null, null, "RECEIVED", "Se tiene por recibido el informe",
                LocalDate.of(2031, 12, 15));

        // Bajas: a12 proposed and decided; a8 proposed; a12 and a10 flagged dormant.
        p1 = world.bajaProposed(a12, CYCLE, null, JL07, "X", "INEChiapasAnterior", "Sin publicaciones en más de un año", null);
        p2 = world.bajaProposed(a8, CYCLE, e5, JL07, "X", "INEChiapas", "Calificación no pertinente", 30);
        world.dormant(a12, JL07, LocalDate.of(2030, 10, 1), 400, false);
        world.dormant(a10, JL07, LocalDate.of(2031, 6, 1), 380, true);
        world.decommission(a12, "X", "INEChiapasAnterior", JL07, LocalDate.of(2031, 11, 20), "Baja por inactividad",
                "Sin publicaciones desde octubre de 2030", p1);

        // Permanence decisions: a9 and a4 in the period (by date: a9 first), a5 the period before.
        world.publish(new PermanenceRecorded(a4, UUID.randomUUID(), LocalDate.of(2031, 12, 1),
                "La cuenta cumple los lineamientos", "Revisada con la Junta Local"));
        world.publish(new PermanenceRecorded(a9, UUID.randomUUID(), LocalDate.of(2031, 10, 2),
                "Cuenta activa con audiencia local", null));
        world.publish(new PermanenceRecorded(a5, UUID.randomUUID(), LocalDate.of(2031, 3, 10), "Cuenta activa", null));

        // Trainings of the period.
        t1 = world.training(LocalDate.of(2031, 9, 10), "Lineamientos de redes sociales", "2.5", "Virtual",
                List.of("a@ine.mx", "b@ine.mx", "c@ine.mx"));
        t2 = world.training(LocalDate.of(2031, 8, 5), "Métricas e informes", "4", "Presencial", List.of("a@ine.mx", "d@ine.mx"));

        world.awaitApplied(WITHIN);
    }

    static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    static Map<String, Long> figures(long posts, long followers, long impressions) {
        return Map.of("posts", posts, "followers", followers, "impressions", impressions);
    }

    @Test
    void shouldHeadTheReportWithItsReferencePeriodAndTheLatestEvent() {
        SemiannualReport.Heading heading = reports.build(CYCLE).heading();
        assertThat(heading.reference()).isEqualTo("INE/CNCS/RS/2031-S2");
        assertThat(heading.cycleId()).isEqualTo(CYCLE);
        assertThat(heading.periodStart()).isEqualTo(LocalDate.of(2031, 7, 1));
        assertThat(heading.periodEnd()).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(heading.asOf()).isEqualTo(world.latestOccurredAt());
        assertThat(heading.title()).contains("2031-S2");
    }

    @Test
    void shouldCountTheInventoryByLevelNetworkAreaAndStatus() {
        SemiannualReport.Inventory inventory = reports.build(CYCLE).inventory();
        assertThat(inventory.total()).isEqualTo(12);
        assertThat(inventory.byLevel()).containsExactly(new Count("CENTRAL", "Oficinas centrales", 3),
                new Count("DISTRICT", "Junta distrital ejecutiva", 3), new Count("LOCAL", "Junta local ejecutiva", 6));
        assertThat(inventory.byNetwork()).containsExactly(new Count("FACEBOOK", "Facebook", 4),
                new Count("INSTAGRAM", "Instagram", 3), new Count("X", "X", 5));
        assertThat(inventory.byArea()).containsExactly(new Count("CEN", CEN.name(), 3), new Count("JD0901", JD0901.name(), 3),
                new Count("JL07", JL07.name(), 4), new Count("JL09", JL09.name(), 2));
        assertThat(inventory.byStatus()).containsExactly(new Count("ACTIVE", "Activa", 11),
                new Count("DECOMMISSIONED", "Dada de baja", 1));
        assertThat(inventory.registered()).singleElement().satisfies(dated -> {
            assertThat(dated.account().accountId()).isEqualTo(a11);
            assertThat(dated.account().handle()).isEqualTo("inejd0901");
            assertThat(dated.account().network()).isEqualTo("Instagram");
            assertThat(dated.account().level()).isEqualTo("Junta distrital ejecutiva");
            assertThat(dated.account().areaName()).isEqualTo(JD0901.name());
            assertThat(dated.on()).isEqualTo(LocalDate.of(2031, 8, 15));
        });
        assertThat(inventory.decommissioned()).singleElement().satisfies(dated -> {
            assertThat(dated.account().accountId()).isEqualTo(a12);
            assertThat(dated.account().status()).isEqualTo("Dada de baja");
            assertThat(dated.on()).isEqualTo(LocalDate.of(2031, 11, 20));
            assertThat(dated.reason()).isEqualTo("Baja por inactividad");
            assertThat(dated.observations()).isEqualTo("Sin publicaciones desde octubre de 2030");
        });
        assertThat(inventory.permanence()).extracting(dated -> dated.account().handle(), SemiannualReport.Dated::on,
                        SemiannualReport.Dated::reason, SemiannualReport.Dated::observations)
                .containsExactly(tuple("INEChiapasOficial", LocalDate.of(2031, 10, 2),
                                "Cuenta activa con audiencia local", ""),
                        tuple("INECDMX", LocalDate.of(2031, 12, 1),
                                "La cuenta cumple los lineamientos", "Revisada con la Junta Local"));
    }

    @Test
    void shouldTotalTheLatestFiguresByNetworkAndLevelWithGrowthAgainstThePreviousCycle() {
        SemiannualReport.Statistics statistics = reports.build(CYCLE).statistics();
        assertThat(statistics.accountsRequested()).isEqualTo(11);
        assertThat(statistics.accountsReporting()).isEqualTo(9);
        assertThat(statistics.totals()).containsExactly(
                new SemiannualReport.Totals("Facebook", "Junta distrital ejecutiva", 1, figures(12, 150, 260), Map.of()),
                new SemiannualReport.Totals("Facebook", "Junta local ejecutiva", 2, figures(50, 950, 1800), Map.of()),
                new SemiannualReport.Totals("Facebook", "Oficinas centrales", 1, figures(80, 2000, 4000), figures(70, 1800, 3500)),
                new SemiannualReport.Totals("Instagram", "Oficinas centrales", 1, figures(50, 500, 1500), Map.of()),
                new SemiannualReport.Totals("X", "Junta distrital ejecutiva", 1, figures(10, 100, 200), Map.of()),
                new SemiannualReport.Totals("X", "Junta local ejecutiva", 2, figures(100, 700, 1900), figures(90, 670, 1750)),
                new SemiannualReport.Totals("X", "Oficinas centrales", 1, figures(120, 1100, 6000), figures(90, 900, 4000)));
        assertThat(statistics.postsByHashtag()).containsExactly(new Count("#VotoInformado", "#VotoInformado", 20),
                new Count("#INEteInforma", "#INEteInforma", 10), new Count("#Consulta2027", "#Consulta2027", 3));
        assertThat(statistics.audience()).containsExactly(
                new SemiannualReport.AudienceShare("ageBands", "18-24", new BigDecimal("30.00"), 1),
                new SemiannualReport.AudienceShare("gender", "female", new BigDecimal("55.17"), 3),
                new SemiannualReport.AudienceShare("gender", "male", new BigDecimal("44.83"), 3));
    }

    @Test
    void shouldReportTheRatingsScoresBestAndWorst() {
        SemiannualReport.Evaluation evaluation = reports.build(CYCLE).evaluation();
        assertThat(evaluation.completed()).isEqualTo(6);
        assertThat(evaluation.completedLate()).isEqualTo(2);
        assertThat(evaluation.open()).isEqualTo(3);
        assertThat(evaluation.ratingDistribution()).containsExactly(new Count("PERTINENT", "Pertinente (se mantiene)", 2),
                new Count("PERTINENT_WITH_RECOMMENDATIONS", "Pertinente con recomendaciones", 3),
                new Count("NOT_PERTINENT", "No pertinente (se propone su baja)", 1));
        assertThat(evaluation.scores()).extracting(score -> score.account().accountId()).containsExactly(a1, a2, a3, a4, a6, a8);
        assertThat(evaluation.scores()).extracting(SemiannualReport.Score::overall).containsExactly(88, 75, 70, 62, 40, 30);
        assertThat(evaluation.best()).extracting(score -> score.account().accountId()).containsExactly(a1, a2, a3, a4, a6);
        assertThat(evaluation.worst()).extracting(score -> score.account().accountId()).containsExactly(a8, a6, a4, a3, a2);
        SemiannualReport.Score overridden = evaluation.scores().get(4);
        assertThat(overridden.rating()).isEqualTo("Pertinente con recomendaciones");
        assertThat(overridden.computedRating()).isEqualTo("No pertinente (se propone su baja)");
        assertThat(overridden.late()).isTrue();
        assertThat(overridden.subScores()).containsExactly(Map.entry("activity", 40), Map.entry("reach", 35));
        assertThat(overridden.formulaVersion()).isEqualTo("2026.1");
        assertThat(evaluation.scores().get(0).late()).isFalse();
    }

    @Test
    void shouldCountObservationsByAreaAsCorrectedOnTimeLateOrNot() {
        SemiannualReport.Observations observations = reports.build(CYCLE).observations();
        assertThat(observations.issued()).isEqualTo(5);
        assertThat(observations.correctedOnTime()).isEqualTo(2);
        assertThat(observations.correctedLate()).isEqualTo(1);
        assertThat(observations.notCorrected()).isEqualTo(2);
        assertThat(observations.byArea()).containsExactly(
                new SemiannualReport.AreaObservations("CEN", CEN.name(), 1, 1, 0, 0),
                new SemiannualReport.AreaObservations("JD0901", JD0901.name(), 1, 0, 0, 1),
                new SemiannualReport.AreaObservations("JL07", JL07.name(), 2, 1, 0, 1),
                new SemiannualReport.AreaObservations("JL09", JL09.name(), 1, 0, 1, 0));
    }

    @Test
    void shouldCountEscalationsWithoutWithdrawnChainsAndListTheCommitteesResolutions() {
        SemiannualReport.Escalations escalations = reports.build(CYCLE).escalations();
        assertThat(escalations.byArea()).containsExactly(
                new SemiannualReport.AreaEscalations("JD0901", JD0901.name(), 1, 1),
                new SemiannualReport.AreaEscalations("JL07", JL07.name(), 1, 0));
        assertThat(escalations.items()).singleElement().satisfies(item -> {
            assertThat(item.subjectId()).isEqualTo(o3);
            assertThat(item.subjectKind()).isEqualTo("OBSERVATION");
            assertThat(item.account().accountId()).isEqualTo(a6);
            assertThat(item.reportedAt()).isNotNull();
            assertThat(item.resolutions()).containsExactly(new SemiannualReport.Resolution(res1, "INSTRUCTED", "Instrucción",
                    "Se instruye a la Junta Distrital atender la observación", LocalDate.of(2031, 12, 10)));
        });
        assertThat(escalations.reportResolutions()).containsExactly(new SemiannualReport.Resolution(res2, "RECEIVED",
                "Se tiene por recibido", "Se tiene por recibido el informe", LocalDate.of(2031, 12, 15)));
    }

    @Test
    void shouldListDormantAccountsAndProposedBajasWithWhatBecameOfThem() {
        SemiannualReport.Bajas bajas = reports.build(CYCLE).bajas();
        assertThat(bajas.dormant()).extracting(dormant -> dormant.account().accountId()).containsExactly(a12, a10);
        assertThat(bajas.dormant().get(0)).satisfies(dormant -> {
            assertThat(dormant.lastPublicationOn()).isEqualTo(LocalDate.of(2030, 10, 1));
            assertThat(dormant.daysWithoutPublication()).isEqualTo(400);
            assertThat(dormant.notLocated()).isFalse();
        });
        assertThat(bajas.dormant().get(1).notLocated()).isTrue();
        assertThat(bajas.dormant().get(1).daysWithoutPublication()).isEqualTo(380);
        assertThat(bajas.proposals()).extracting(SemiannualReport.Proposal::proposalId).containsExactly(p2, p1);
        assertThat(bajas.proposals().get(0)).satisfies(proposal -> {
            assertThat(proposal.account().accountId()).isEqualTo(a8);
            assertThat(proposal.grounds()).isEqualTo("Calificación no pertinente");
            assertThat(proposal.overallScore()).isEqualTo(30);
            assertThat(proposal.status()).isEqualTo("PROPOSED");
            assertThat(proposal.decidedOn()).isNull();
        });
        assertThat(bajas.proposals().get(1)).satisfies(proposal -> {
            assertThat(proposal.overallScore()).isNull();
            assertThat(proposal.status()).isEqualTo("DECIDED");
            assertThat(proposal.decidedOn()).isEqualTo(LocalDate.of(2031, 11, 20));
        });
    }

    @Test
    void shouldListTheTrainingsOfThePeriodByDate() {
        assertThat(reports.build(CYCLE).trainings()).containsExactly(
                new SemiannualReport.Training(t2, LocalDate.of(2031, 8, 5), "Métricas e informes", new BigDecimal("4"), "Presencial", 2),
                new SemiannualReport.Training(t1, LocalDate.of(2031, 9, 10), "Lineamientos de redes sociales", new BigDecimal("2.5"),
                        "Virtual", 3));
    }

    @Test
    void shouldCountRecommendationsByStatusAndNeverLetAnOlderDecisionOverwriteANewerOne() {
        SemiannualReport.Recommendations recommendations = reports.build(CYCLE).recommendations();
        assertThat(recommendations.byStatus()).containsExactly(new Count("PENDING", "Pendiente", 1),
                new Count("ATTENDED", "Atendida", 1), new Count("NOT_ATTENDED", "No atendida", 1));
        assertThat(recommendations.items()).containsExactly(
                new SemiannualReport.RecommendationLine(r3, line(a4), "IMPROVE_ENGAGEMENT", "Mejorar la interacción con la audiencia",
                        "Responder los comentarios", "PENDING", null),
                new SemiannualReport.RecommendationLine(r1, line(a2), "MORE_MULTIMEDIA", "Publicar más contenido multimedia",
                        "Publicar más video", "ATTENDED", "Se publicaron 10 videos"),
                new SemiannualReport.RecommendationLine(r2, line(a2), "PUBLISH_MORE_OFTEN", "Publicar con mayor frecuencia",
                        "Publicar cada semana", "NOT_ATTENDED", null));
    }

    private SemiannualReport.AccountLine line(UUID accountId) {
        return reports.build(CYCLE).evaluation().scores().stream().map(SemiannualReport.Score::account)
                .filter(account -> account.accountId().equals(accountId)).findFirst().orElseThrow();
    }

    @Test
    void shouldChangeNothingWhenEventsAreRedeliveredOrAnUnknownTypeArrives() {
        SemiannualReport before = reports.build(CYCLE);
        // Redelivery of a correction's first version and of the override, then a type this version does not know.
        KafkaTestClient.send(Topics.SUBMISSIONS, staleVersionOne.aggregateId(), EventJson.write(staleVersionOne));
        KafkaTestClient.send(Topics.EVALUATION, overrideOfA6.aggregateId(), EventJson.write(overrideOfA6));
        UUID unknownEventId = UUID.randomUUID();
        KafkaTestClient.send(Topics.EVALUATION, a1.toString(), "{\"eventId\":\"" + unknownEventId + "\",\"type\":\"CycleArchived\","
                + "\"occurredAt\":\"2031-12-31T17:00:00Z\",\"aggregateId\":\"" + a1 + "\",\"schemaVersion\":1,"
                + "\"payload\":{\"cycleId\":\"" + CYCLE + "\"}}");
        // Markers after them on the same partitions, in a cycle of their own (the report's asOf must not move).
        ReportWorld marker = new ReportWorld();
        marker.submission(UUID.randomUUID(), a1, "2030-S1", "X", 1, 1, 1, 1, Map.of(), Map.of(), Map.of());
        marker.overdue(UUID.randomUUID(), a1, "2030-S1", CEN);
        marker.awaitApplied(WITHIN);

        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        Number seen = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id and consumer = 'reporting-evaluation'"
                                + " and event_type = 'CycleArchived'")
                .setParameter("id", unknownEventId).getSingleResult());
        assertThat(seen.longValue()).as("the unknown event is recorded as seen").isEqualTo(1);
        SemiannualReport after = reports.build(CYCLE);
        assertThat(after.statistics()).isEqualTo(before.statistics());
        assertThat(after.evaluation()).isEqualTo(before.evaluation());
        assertThat(after.recommendations()).isEqualTo(before.recommendations());
        assertThat(after.inventory()).isEqualTo(before.inventory());
    }

    @Test
    void shouldKeepAnOverriddenRatingWhenTheOlderCompletionArrivesAfterIt() {
        String cycle = "2030-S2";
        ReportWorld late = new ReportWorld();
        late.cycle(cycle, LocalDate.of(2030, 7, 1), LocalDate.of(2030, 12, 31), 1);
        UUID evaluationId = UUID.randomUUID();
        late.overridden(evaluationId, a1, cycle, CEN, "NOT_PERTINENT", "PERTINENT");
        EventEnvelope override = late.published().getLast();
        late.publish(new mx.ine.redes.events.EvaluationCompleted(evaluationId, a1, cycle, CEN.code(), Map.of("activity", 45), 45,
                "NOT_PERTINENT", "2026.1", java.time.Instant.now(), false, "NOT_PERTINENT", null, List.of(), "cncs@ine.mx"),
                override.sequence() - 1);
        late.awaitApplied(WITHIN);

        SemiannualReport.Evaluation evaluation = reports.build(cycle).evaluation();
        assertThat(evaluation.scores()).singleElement().satisfies(score -> {
            assertThat(score.overall()).isEqualTo(45);
            assertThat(score.rating()).isEqualTo("Pertinente (se mantiene)");
            assertThat(score.computedRating()).isEqualTo("No pertinente (se propone su baja)");
        });
        assertThat(evaluation.ratingDistribution()).extracting(Count::count).containsExactly(1L, 0L, 0L);
    }

    @Test
    void shouldAnswerTheReportAsJsonToTheCommitteeAndA404ForAnUnknownCycle() {
        given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).get("/api/reports/semiannual/" + CYCLE)
                .then().statusCode(200).body("heading.reference", equalTo("INE/CNCS/RS/2031-S2"))
                .body("inventory.total", equalTo(12)).body("evaluation.completed", equalTo(6));
        for (String role : List.of(Roles.CNCS, Roles.TRANSPARENCY, Roles.INTEGRATION)) {
            given().auth().oauth2(TestTokens.forRole(role)).get("/api/reports/semiannual/" + CYCLE).then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/reports/semiannual/2040-S1")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).get("/api/reports/semiannual/" + CYCLE)
                .then().statusCode(403);
    }

    @Test
    void shouldGiveAnAreaHeadTheSliceOfTheirSubtree() {
        String head = TestTokens.forPerson("jl09@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());
        // JL09 heads its own accounts (a4, a5) and those of JD0901 below it (a6, a7, a11).
        given().auth().oauth2(head).get("/api/reports/semiannual/" + CYCLE)
                .then().statusCode(200)
                .body("inventory.total", equalTo(5))
                .body("inventory.permanence.account.handle", equalTo(List.of("INECDMX")))
                .body("statistics.accountsRequested", equalTo(5))
                .body("statistics.accountsReporting", equalTo(4))
                .body("evaluation.completed", equalTo(2))
                .body("evaluation.scores.account.handle", equalTo(List.of("INECDMX", "INEJD0901")))
                .body("observations.issued", equalTo(2))
                .body("escalations.byArea.areaCode", equalTo(List.of("JD0901")))
                .body("escalations.reportResolutions.size()", equalTo(1))
                .body("bajas.proposals.size()", equalTo(0))
                .body("trainings.size()", equalTo(2))
                .body("recommendations.items.size()", equalTo(1));
    }
}
