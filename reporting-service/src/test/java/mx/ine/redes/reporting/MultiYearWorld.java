package mx.ine.redes.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.reporting.ReportWorld.Area;

/**
 * A world over two years and three cycles (2034-S1, 2034-S2, 2035-S1) for the annual consolidation
 * and the trends, published through the events by {@link ReportWorld}. Six accounts: a1 (CEN, X,
 * administered by admin1@ine.mx), a2 (CEN, Facebook), a3 (JL09, X, administered by admin3@ine.mx),
 * a4 (JD0901 below JL09, Facebook), a5 (JL07, X: registered in March 2034, baja on 20 November 2034
 * on proposal p1), a6 (JL07, Instagram, registered in February 2035). The figures each test expects
 * are written out there from this list.
 *
 * <pre>
 * submissions (posts, followers, impressions)       evaluations (overall, rating)
 * 2034-S1  a1 100/1000/5000  a2 50/2000/3000          a1 90 P, a2 70 PWR (r1), a3 60 PWR,
 *          a3 20/300/600     a4 10/150/200             a4 40 NP late, a5 30 NP
 *          a5 5/80/100
 * 2034-S2  a1 120/1100/6000, corrected 130/1150/6500   a1 92 P, a2 74 PWR, a3 65 PWR (r2)
 *          a2 60/1900/3500   a3 25/330/700             (a4 asked, no submission; a5's request withdrawn)
 * 2035-S1  a1 140/1300/7000  a2 70/2100/4000           a1 94 P, a3 71 PWR, a4 55 PWR, a6 50 PWR
 *          a3 30/360/800     a4 12/170/260
 *          a6 15/90/120
 * </pre>
 * Observations: o1 (a3, 2034-S1) corrected on time; o2 (a4, 2034-S1) not corrected, escalated,
 * reported to the Committee, resolution INSTRUCTED on 10 June 2034; o3 (a2, 2034-S2) corrected late;
 * the Committee received the 2034-S2 report on 15 December 2034. r1 attended, r2 pending. Permanence:
 * a4 on 2 May 2034, a2 on 10 December 2034, a1 on 1 March 2035. Trainings:
 * 1 December 2033 (1 attendee), 5 March 2034 (2), 10 September 2034 (3), 2 February 2035 (1). The last
 * event published is a registry one, so every report's {@code asOf} is {@link ReportWorld#latestOccurredAt()}.
 */
final class MultiYearWorld {

    static final String S1_2034 = "2034-S1";
    static final String S2_2034 = "2034-S2";
    static final String S1_2035 = "2035-S1";

    static final Area CEN = new Area("CEN", "Coordinación Nacional de Comunicación Social", "CENTRAL", "cncs-head@ine.mx", List.of());
    static final Area JL09 = CEN.below("JL09", "Junta Local Ejecutiva en la Ciudad de México", "LOCAL", "jl09@ine.mx");
    static final Area JD0901 = JL09.below("JD0901", "Junta Distrital Ejecutiva 01 de la Ciudad de México", "DISTRICT", "jd0901@ine.mx");
    static final Area JL07 = CEN.below("JL07", "Junta Local Ejecutiva en Chiapas", "LOCAL", "jl07@ine.mx");

    final ReportWorld world = new ReportWorld();
    UUID a1, a2, a3, a4, a5, a6;
    UUID o1, o2, o3, r1, r2, p1, res1, res2, t1, t2;

    MultiYearWorld build() {
        ReportWorld.clearReadModel();
        LocalDate longAgo = LocalDate.of(2030, 1, 15);
        a1 = world.account(CEN, "X", "INEMexico", longAgo, List.of("admin1@ine.mx"));
        a2 = world.account(CEN, "FACEBOOK", "INEMexicoOficial", longAgo, List.of());
        a3 = world.account(JL09, "X", "INECDMX", longAgo, List.of("admin3@ine.mx"));
        a4 = world.account(JD0901, "FACEBOOK", "INEJD0901", longAgo, List.of());
        a5 = world.account(JL07, "X", "INEChiapas", LocalDate.of(2034, 3, 10), List.of());
        a6 = world.account(JL07, "INSTAGRAM", "inechiapas", LocalDate.of(2035, 2, 1), List.of());

        world.cycle(S1_2034, LocalDate.of(2034, 1, 1), LocalDate.of(2034, 6, 30), 5);
        world.submission(world.request(a1, S1_2034, CEN), a1, S1_2034, "X", 1, 100, 1000, 5000, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a2, S1_2034, CEN), a2, S1_2034, "FACEBOOK", 1, 50, 2000, 3000, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a3, S1_2034, JL09), a3, S1_2034, "X", 1, 20, 300, 600, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a4, S1_2034, JD0901), a4, S1_2034, "FACEBOOK", 1, 10, 150, 200, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a5, S1_2034, JL07), a5, S1_2034, "X", 1, 5, 80, 100, Map.of(), Map.of(), Map.of());
        UUID e1 = UUID.randomUUID();
        UUID e2 = UUID.randomUUID();
        UUID e5 = UUID.randomUUID();
        r1 = UUID.randomUUID();
        world.completed(e1, a1, S1_2034, CEN, 90, "PERTINENT", "PERTINENT", false, List.of());
        world.completed(e2, a2, S1_2034, CEN, 70, "PERTINENT_WITH_RECOMMENDATIONS", "PERTINENT_WITH_RECOMMENDATIONS", false,
                List.of(new IssuedRecommendation(r1, "MORE_MULTIMEDIA", "Publicar más video")));
        world.completed(UUID.randomUUID(), a3, S1_2034, JL09, 60, "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT_WITH_RECOMMENDATIONS", false, List.of());
        world.completed(UUID.randomUUID(), a4, S1_2034, JD0901, 40, "NOT_PERTINENT", "NOT_PERTINENT", true, List.of());
        world.completed(e5, a5, S1_2034, JL07, 30, "NOT_PERTINENT", "NOT_PERTINENT", false, List.of());
        world.recommendationSettled(r1, e2, a2, S1_2034, CEN, "MORE_MULTIMEDIA", "ATTENDED", "Se publicaron 8 videos");
        o1 = world.observation(a3, S1_2034, JL09);
        world.resolved(o1, a3, S1_2034, JL09, true);
        o2 = world.observation(a4, S1_2034, JD0901);
        world.escalated(o2, "OBSERVATION", a4, S1_2034, JD0901);
        world.reported(o2, "OBSERVATION", a4, S1_2034, JD0901);
        res1 = world.resolution(S1_2034, "NON_COMPLIANCE_ITEM", o2, a4, JD0901, "INSTRUCTED",
                "Se instruye a la Junta Distrital atender la observación", LocalDate.of(2034, 6, 10));
        p1 = world.bajaProposed(a5, S1_2034, e5, JL07, "X", "INEChiapas", "NOT_PERTINENT", 30);

        world.cycle(S2_2034, LocalDate.of(2034, 7, 1), LocalDate.of(2034, 12, 31), 5);
        UUID a1Request = world.request(a1, S2_2034, CEN);
        world.submission(a1Request, a1, S2_2034, "X", 1, 120, 1100, 6000, Map.of(), Map.of(), Map.of());
        world.submission(a1Request, a1, S2_2034, "X", 2, 130, 1150, 6500, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a2, S2_2034, CEN), a2, S2_2034, "FACEBOOK", 1, 60, 1900, 3500, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a3, S2_2034, JL09), a3, S2_2034, "X", 1, 25, 330, 700, Map.of(), Map.of(), Map.of());
        world.request(a4, S2_2034, JD0901);
        world.withdrawRequest(world.request(a5, S2_2034, JL07), a5, S2_2034);
        UUID e3 = UUID.randomUUID();
        r2 = UUID.randomUUID();
        world.completed(UUID.randomUUID(), a1, S2_2034, CEN, 92, "PERTINENT", "PERTINENT", false, List.of());
        world.completed(UUID.randomUUID(), a2, S2_2034, CEN, 74, "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT_WITH_RECOMMENDATIONS", false, List.of());
        world.completed(e3, a3, S2_2034, JL09, 65, "PERTINENT_WITH_RECOMMENDATIONS", "PERTINENT_WITH_RECOMMENDATIONS", false,
                List.of(new IssuedRecommendation(r2, "PUBLISH_MORE_OFTEN", "Publicar cada semana")));
        o3 = world.observation(a2, S2_2034, CEN);
        world.resolved(o3, a2, S2_2034, CEN, false);
        res2 = world.resolution(S2_2034, "REPORT", null, null, null, "RECEIVED", "Se tiene por recibido el informe",
                LocalDate.of(2034, 12, 15));
        world.decommission(a5, "X", "INEChiapas", JL07, LocalDate.of(2034, 11, 20), "Baja por no pertinente",
                "Calificación no pertinente en 2034-S1", p1);

        world.cycle(S1_2035, LocalDate.of(2035, 1, 1), LocalDate.of(2035, 6, 30), 5);
        world.submission(world.request(a1, S1_2035, CEN), a1, S1_2035, "X", 1, 140, 1300, 7000, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a2, S1_2035, CEN), a2, S1_2035, "FACEBOOK", 1, 70, 2100, 4000, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a3, S1_2035, JL09), a3, S1_2035, "X", 1, 30, 360, 800, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a4, S1_2035, JD0901), a4, S1_2035, "FACEBOOK", 1, 12, 170, 260, Map.of(), Map.of(), Map.of());
        world.submission(world.request(a6, S1_2035, JL07), a6, S1_2035, "INSTAGRAM", 1, 15, 90, 120, Map.of(), Map.of(), Map.of());
        world.completed(UUID.randomUUID(), a1, S1_2035, CEN, 94, "PERTINENT", "PERTINENT", false, List.of());
        world.completed(UUID.randomUUID(), a3, S1_2035, JL09, 71, "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT_WITH_RECOMMENDATIONS", false, List.of());
        world.completed(UUID.randomUUID(), a4, S1_2035, JD0901, 55, "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT_WITH_RECOMMENDATIONS", false, List.of());
        world.completed(UUID.randomUUID(), a6, S1_2035, JL07, 50, "PERTINENT_WITH_RECOMMENDATIONS",
                "PERTINENT_WITH_RECOMMENDATIONS", false, List.of());

        // Permanence: a4 in 2034-S1, a2 in 2034-S2, a1 in 2035.
        world.permanence(a1, LocalDate.of(2035, 3, 1), "Cuenta principal del Instituto", null);
        world.permanence(a2, LocalDate.of(2034, 12, 10), "Cuenta activa con audiencia nacional", "Revisada por la CNCS");
        world.permanence(a4, LocalDate.of(2034, 5, 2), "Cuenta distrital activa", null);
        world.training(LocalDate.of(2033, 12, 1), "Fuera del año", "1", "Virtual", List.of("x@ine.mx"));
        world.training(LocalDate.of(2035, 2, 2), "Del año siguiente", "1", "Virtual", List.of("x@ine.mx"));
        t2 = world.training(LocalDate.of(2034, 9, 10), "Métricas e informes", "4", "Presencial",
                List.of("a@ine.mx", "b@ine.mx", "c@ine.mx"));
        // The last event: a registry one, which every report's asOf includes.
        t1 = world.training(LocalDate.of(2034, 3, 5), "Lineamientos de redes sociales", "2.5", "Virtual",
                List.of("a@ine.mx", "d@ine.mx"));
        world.awaitApplied(Duration.ofSeconds(90));
        return this;
    }
}
