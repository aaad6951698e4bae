package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.SampleReports.INE_MEXICO_FACEBOOK;
import static mx.ine.redes.reporting.report.render.SampleReports.INE_MEXICO_X;
import static mx.ine.redes.reporting.report.render.SampleReports.SE_CIUDADANO;
import static mx.ine.redes.reporting.report.render.SampleReports.VOCALIA;
import static mx.ine.redes.reporting.report.render.SampleReports.uuid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.report.TrendReport;

/** A hand-built annual consolidation (2027: two cycles) and trends over three cycles, with the Institute's kind of data. */
final class SampleSeriesReports {

    static final Instant AS_OF = Instant.parse("2028-01-20T18:00:00Z");
    static final List<AnnualReport.CycleColumn> CYCLES_2027 = List.of(
            new AnnualReport.CycleColumn("2027-S1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)),
            new AnnualReport.CycleColumn("2027-S2", LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31)));

    private SampleSeriesReports() {
    }

    static AnnualReport year2027() {
        var heading = new AnnualReport.Heading("INE/CNCS/RA/2027",
                "Informe anual al Comité de Redes Sociales sobre las cuentas institucionales, 2027", 2027,
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), AS_OF);
        var inventory = new SemiannualReport.Inventory(7,
                List.of(new Count("CENTRAL", "Oficinas centrales", 5), new Count("DISTRICT", "Junta distrital ejecutiva", 2)),
                List.of(new Count("FACEBOOK", "Facebook", 3), new Count("X", "X", 4)),
                List.of(new Count("CNCS", "Coordinación Nacional de Comunicación Social", 5), new Count("JD-19-05", VOCALIA.areaName(), 2)),
                List.of(new Count("ACTIVE", "Activa", 6), new Count("DECOMMISSIONED", "Dada de baja", 1)),
                List.of(new SemiannualReport.Dated(VOCALIA, LocalDate.of(2027, 8, 12), "", "")),
                List.of(new SemiannualReport.Dated(SE_CIUDADANO, LocalDate.of(2027, 9, 30),
                        "Desaparición del Centro para el Desarrollo Democrático (CDD)", "Sin quién se encargue de ella")),
                List.of(new SemiannualReport.Dated(INE_MEXICO_X, LocalDate.of(2027, 12, 10), "Cuenta principal del Instituto",
                        "Se reforzó con infografías")));
        var s1 = List.of(
                new SemiannualReport.Totals("Facebook", "Oficinas centrales", 1, Map.of("posts", 280L, "followersAtEnd", 144_568L),
                        Map.of()),
                new SemiannualReport.Totals("X", "Oficinas centrales", 1, Map.of("posts", 1_100L, "followers", 341_600L,
                        "impressions", 4_900_000L), Map.of()));
        var s2 = List.of(
                new SemiannualReport.Totals("Facebook", "Oficinas centrales", 1, Map.of("posts", 310L, "followersAtEnd", 160_900L),
                        Map.of("posts", 280L, "followersAtEnd", 144_568L)),
                new SemiannualReport.Totals("X", "Oficinas centrales", 1, Map.of("posts", 1_250L, "followers", 384_052L,
                        "impressions", 5_400_000L), Map.of("posts", 1_100L, "followers", 341_600L, "impressions", 4_900_000L)));
        var statistics = new AnnualReport.Statistics(
                List.of(new AnnualReport.CycleStatistics("2027-S1", 6, 5, s1), new AnnualReport.CycleStatistics("2027-S2", 6, 6, s2)),
                List.of(new AnnualReport.YearTotals("Facebook", "Oficinas centrales", 1, Map.of("posts", 590L, "followersAtEnd", 160_900L)),
                        new AnnualReport.YearTotals("X", "Oficinas centrales", 1, Map.of("posts", 2_350L, "followers", 384_052L,
                                "impressions", 10_300_000L))));
        var evaluation = new AnnualReport.Evaluation(
                List.of(new AnnualReport.CycleEvaluation("2027-S1", 4, 1, 0, ratings(3, 1, 0)),
                        new AnnualReport.CycleEvaluation("2027-S2", 5, 0, 1, ratings(3, 1, 1))),
                new AnnualReport.CycleEvaluation("2027", 9, 1, 1, ratings(6, 2, 1)));
        var compliance = new AnnualReport.Compliance(
                List.of(new AnnualReport.ComplianceLine("2027-S1", 4, 2, 1, 1, 1, 0, 0, 1),
                        new AnnualReport.ComplianceLine("2027-S2", 6, 3, 1, 2, 2, 1, 1, 1)),
                new AnnualReport.ComplianceLine("2027", 10, 5, 2, 3, 3, 1, 1, 2),
                List.of(new SemiannualReport.AreaObservations("CNCS", "Coordinación Nacional de Comunicación Social", 4, 4, 0, 0),
                        new SemiannualReport.AreaObservations("JD-19-05", VOCALIA.areaName(), 6, 1, 2, 3)),
                List.of(new SemiannualReport.AreaEscalations("JD-19-05", VOCALIA.areaName(), 3, 1)));
        var resolutions = List.of(
                new AnnualReport.CycleResolution("2027-S1", "REPORT", null, null, new SemiannualReport.Resolution(uuid(80), "RECEIVED",
                        "Se tiene por recibido", "El Comité tiene por recibido el informe semestral.", LocalDate.of(2027, 7, 20))),
                new AnnualReport.CycleResolution("2027-S2", "OBSERVATION", uuid(81), VOCALIA, new SemiannualReport.Resolution(uuid(82),
                        "INSTRUCTED", "Instrucción", "Se instruye a la Junta Distrital atender la observación.",
                        LocalDate.of(2027, 12, 4))));
        var trainings = List.of(new SemiannualReport.Training(uuid(60), LocalDate.of(2027, 3, 15),
                "Uso institucional de redes sociales y protección de datos personales", new BigDecimal("4.5"), "En línea", 63));
        var recommendations = new AnnualReport.Recommendations(
                List.of(new AnnualReport.CycleCounts("2027-S1", statuses(0, 2, 0)), new AnnualReport.CycleCounts("2027-S2", statuses(1, 0, 1))),
                new AnnualReport.CycleCounts("2027", statuses(1, 2, 1)),
                List.of(new AnnualReport.CycleRecommendation("2027-S2", new SemiannualReport.RecommendationLine(uuid(71),
                        INE_MEXICO_FACEBOOK, "MORE_MULTIMEDIA", "Publicar más contenido multimedia",
                        "Añadir subtítulos a los videos de la campaña.", "PENDING", null))));
        var proposals = List.of(new AnnualReport.CycleProposal("2027-S2",
                new SemiannualReport.Proposal(uuid(50), VOCALIA, "NOT_PERTINENT", 38, "PROPOSED", null)));
        return new AnnualReport(heading, CYCLES_2027, inventory, statistics, evaluation, compliance, resolutions, trainings,
                recommendations, proposals);
    }

    static TrendReport byNetwork() {
        var cycles = List.of(CYCLES_2027.get(0), CYCLES_2027.get(1),
                new AnnualReport.CycleColumn("2028-S1", LocalDate.of(2028, 1, 1), LocalDate.of(2028, 6, 30)));
        return new TrendReport(new TrendReport.Heading("INE/CNCS/TE/red/2027-S1/2028-S1",
                "Tendencias por red social, ciclos 2027-S1 a 2028-S1", "2027-S1", "2028-S1", AS_OF), "network", cycles, List.of(
                new TrendReport.Series("FACEBOOK", "Facebook", List.of(
                        point("2027-S1", 1, 144_568, 280, 0, null, null, 1, "88.0"),
                        point("2027-S2", 1, 160_900, 310, 0, 16_332L, "11.3", 1, "90.0"),
                        point("2028-S1", 1, 158_100, 295, 0, -2_800L, "-1.7", 0, null))),
                new TrendReport.Series("X", "X", List.of(
                        point("2027-S1", 1, 341_600, 1_100, 4_900_000, null, null, 1, "92.0"),
                        point("2027-S2", 1, 384_052, 1_250, 5_400_000, 42_452L, "12.4", 1, "94.0"),
                        point("2028-S1", 2, 410_000, 1_400, 6_000_000, 13_000L, "3.4", 2, "80.5")))));
    }

    private static TrendReport.Point point(String cycle, long accounts, long followers, long posts, long impressions, Long growth,
                                           String percent, long evaluated, String mean) {
        return new TrendReport.Point(cycle, accounts, followers, posts, impressions, growth,
                percent == null ? null : new BigDecimal(percent), evaluated, mean == null ? null : new BigDecimal(mean));
    }

    private static List<Count> ratings(long pertinent, long withRecommendations, long notPertinent) {
        return List.of(new Count("PERTINENT", "Pertinente (se mantiene)", pertinent),
                new Count("PERTINENT_WITH_RECOMMENDATIONS", "Pertinente con recomendaciones", withRecommendations),
                new Count("NOT_PERTINENT", "No pertinente (se propone su baja)", notPertinent));
    }

    private static List<Count> statuses(long pending, long attended, long notAttended) {
        return List.of(new Count("PENDING", "Pendiente", pending), new Count("ATTENDED", "Atendida", attended),
                new Count("NOT_ATTENDED", "No atendida", notAttended));
    }
}
