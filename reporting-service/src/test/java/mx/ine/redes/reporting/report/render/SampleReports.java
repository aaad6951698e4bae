package mx.ine.redes.reporting.report.render;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.AccountLine;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.report.SemiannualReport.Dated;
import mx.ine.redes.reporting.report.SemiannualReport.Score;

/** A hand-built semi-annual report with the Institute's kind of data: accents, ñ, long area names, a formula-looking text. */
final class SampleReports {

    static final Instant AS_OF = Instant.parse("2028-01-15T17:30:00Z");

    static final AccountLine INE_MEXICO_X = account(1, "X", "@INEMexico", "CNCS", "Coordinación Nacional de Comunicación Social",
            "CENTRAL", "ACTIVE");
    static final AccountLine INE_MEXICO_FACEBOOK = account(2, "FACEBOOK", "INEMexico", "CNCS",
            "Coordinación Nacional de Comunicación Social", "CENTRAL", "ACTIVE");
    static final AccountLine INETV = account(3, "YOUTUBE", "INETV", "CNCS", "Coordinación Nacional de Comunicación Social",
            "CENTRAL", "ACTIVE");
    static final AccountLine JALISCO = account(4, "X", "@INEJalisco", "JL-14", "Junta Local Ejecutiva en Jalisco", "LOCAL",
            "ACTIVE");
    static final AccountLine VOCALIA = account(5, "FACEBOOK", "VocaliaCEyEC05NL", "JD-19-05",
            "Vocalía de Capacitación Electoral y Educación Cívica de la Junta Distrital Ejecutiva 05 en Nuevo León (Peñón)",
            "DISTRICT", "ACTIVE");
    static final AccountLine SE_CIUDADANO = account(6, "X", "@SeCiudadanoCDD", "CDD", "Centro para el Desarrollo Democrático",
            "CENTRAL", "DECOMMISSIONED");
    static final AccountLine VOTO_EXTRANJERO = account(7, "YOUTUBE", "VotoExtranjeroMx", "DERFE",
            "Dirección Ejecutiva del Registro Federal de Electores", "CENTRAL", "ACTIVE");

    static final String FORMULA_OBSERVATION = "=HYPERLINK(\"https://malo.example\")";

    private SampleReports() {
    }

    static SemiannualReport semester() {
        var heading = new SemiannualReport.Heading("INE/CNCS/RS/2027-S2",
                "Informe semestral de las cuentas institucionales en redes sociales", "2027-S2",
                LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31), AS_OF);
        var inventory = new SemiannualReport.Inventory(7,
                List.of(count("CENTRAL", "Oficinas centrales", 5), count("DISTRICT", "Junta distrital", 1),
                        count("LOCAL", "Junta local", 1)),
                List.of(count("FACEBOOK", "Facebook", 2), count("X", "X", 3), count("YOUTUBE", "YouTube", 2)),
                List.of(count("CDD", "Centro para el Desarrollo Democrático", 1),
                        count("CNCS", "Coordinación Nacional de Comunicación Social", 3),
                        count("DERFE", "Dirección Ejecutiva del Registro Federal de Electores", 1),
                        count("JD-19-05", VOCALIA.areaName(), 1), count("JL-14", "Junta Local Ejecutiva en Jalisco", 1)),
                List.of(count("ACTIVE", "Activa", 6), count("DECOMMISSIONED", "Dada de baja", 1)),
                List.of(new Dated(VOCALIA, LocalDate.of(2027, 8, 12), "Alta solicitada por la Junta Distrital", "")),
                List.of(new Dated(SE_CIUDADANO, LocalDate.of(2027, 9, 30),
                        "Desaparición del Centro para el Desarrollo Democrático (CDD)",
                        "Las cuentas se dieron de baja por la desaparición del Centro para el Desarrollo Democrático (CDD), y ya"
                                + " no iba a tener quién se encargara de ellas.")),
                List.of(new Dated(INE_MEXICO_X, LocalDate.of(2027, 12, 10), "Cuenta principal del Instituto",
                                "Se ha reforzado con infografías, hashtags para el Proceso Electoral y más publicaciones durante"
                                        + " las campañas institucionales."),
                        new Dated(VOTO_EXTRANJERO, LocalDate.of(2027, 12, 10), "Credencialización en el extranjero",
                                FORMULA_OBSERVATION)));
        var statistics = new SemiannualReport.Statistics(6, 5,
                List.of(new SemiannualReport.Totals("FACEBOOK", "CENTRAL", 1,
                                Map.of("posts", 310L, "followersAtEnd", 160_900L, "reach", 1_200_000L),
                                Map.of("posts", 280L, "followersAtEnd", 144_568L, "reach", 1_000_000L)),
                        new SemiannualReport.Totals("FACEBOOK", "DISTRICT", 1, Map.of("posts", 45L, "followersAtEnd", 2_300L),
                                Map.of("posts", 50L, "followersAtEnd", 2_450L)),
                        new SemiannualReport.Totals("X", "CENTRAL", 1,
                                Map.of("posts", 1_250L, "followers", 384_052L, "impressions", 5_400_000L),
                                Map.of("posts", 1_100L, "followers", 341_600L, "impressions", 4_900_000L)),
                        new SemiannualReport.Totals("X", "LOCAL", 1, Map.of("posts", 220L, "followers", 12_315L),
                                Map.of("posts", 200L, "followers", 11_020L)),
                        new SemiannualReport.Totals("YOUTUBE", "CENTRAL", 1, Map.of("posts", 36L, "followersAtEnd", 15_865L),
                                Map.of("posts", 30L, "followersAtEnd", 14_100L))),
                List.of(count("#VotoInformado", "#VotoInformado", 420), count("#ConsultaPopular2027", "#ConsultaPopular2027", 180),
                        count("#DíaDeLaDemocracia", "#DíaDeLaDemocracia", 95)),
                List.of(new SemiannualReport.AudienceShare("ageBands", "25-34", new BigDecimal("31.50"), 3),
                        new SemiannualReport.AudienceShare("countries", "México", new BigDecimal("92.40"), 3),
                        new SemiannualReport.AudienceShare("gender", "hombres", new BigDecimal("48.20"), 4),
                        new SemiannualReport.AudienceShare("gender", "mujeres", new BigDecimal("51.30"), 4)));
        List<Score> scores = List.of(score(INE_MEXICO_X, 92, "PERTINENT", false), score(INE_MEXICO_FACEBOOK, 88, "PERTINENT", false),
                score(VOTO_EXTRANJERO, 81, "PERTINENT", false), score(JALISCO, 67, "PERTINENT_WITH_RECOMMENDATIONS", false),
                score(VOCALIA, 38, "NOT_PERTINENT", true));
        var evaluation = new SemiannualReport.Evaluation(5, 1, 1,
                List.of(count("PERTINENT", "Pertinente (se mantiene)", 3),
                        count("PERTINENT_WITH_RECOMMENDATIONS", "Pertinente con recomendaciones", 1),
                        count("NOT_PERTINENT", "No pertinente (se propone su baja)", 1)),
                scores, scores, List.of(scores.get(4), scores.get(3), scores.get(2), scores.get(1), scores.get(0)));
        var observations = new SemiannualReport.Observations(6, 3, 1, 2,
                List.of(new SemiannualReport.AreaObservations("CNCS", "Coordinación Nacional de Comunicación Social", 2, 2, 0, 0),
                        new SemiannualReport.AreaObservations("JD-19-05", VOCALIA.areaName(), 3, 0, 1, 2),
                        new SemiannualReport.AreaObservations("JL-14", "Junta Local Ejecutiva en Jalisco", 1, 1, 0, 0)));
        var escalations = new SemiannualReport.Escalations(
                List.of(new SemiannualReport.AreaEscalations("JD-19-05", VOCALIA.areaName(), 2, 1)),
                List.of(new SemiannualReport.Item(uuid(40), "OBSERVATION", VOCALIA, Instant.parse("2027-11-20T16:00:00Z"),
                        List.of(new SemiannualReport.Resolution(uuid(41), "INSTRUCTED", "Instrucción",
                                "Se instruye a la Junta Distrital atender la observación en cinco días hábiles.",
                                LocalDate.of(2027, 12, 4))))),
                List.of(new SemiannualReport.Resolution(uuid(42), "RECEIVED", "Recibido",
                        "El Comité tiene por recibido el informe del semestre anterior.", LocalDate.of(2028, 1, 14))));
        var bajas = new SemiannualReport.Bajas(
                List.of(new SemiannualReport.Dormant(JALISCO, LocalDate.of(2027, 10, 1), 106, true),
                        new SemiannualReport.Dormant(VOCALIA, LocalDate.of(2027, 9, 2), 135, false)),
                List.of(new SemiannualReport.Proposal(uuid(50), VOCALIA, "NOT_PERTINENT", 38, "PROPOSED", null)));
        var trainings = List.of(
                new SemiannualReport.Training(uuid(60), LocalDate.of(2027, 9, 15),
                        "Uso institucional de redes sociales y protección de datos personales", new BigDecimal("4.5"), "En línea", 63),
                new SemiannualReport.Training(uuid(61), LocalDate.of(2027, 11, 8),
                        "Lenguaje incluyente y accesibilidad en publicaciones", new BigDecimal("3"), "Presencial", 28));
        var recommendations = new SemiannualReport.Recommendations(
                List.of(count("PENDING", "Pendiente", 1), count("ATTENDED", "Atendida", 1), count("NOT_ATTENDED", "No atendida", 1)),
                List.of(new SemiannualReport.RecommendationLine(uuid(70), JALISCO, "CONTENT", "Contenido",
                                "Publicar infografías sobre la credencialización en el extranjero.", "ATTENDED",
                                "Se publicaron 12 infografías en noviembre."),
                        new SemiannualReport.RecommendationLine(uuid(71), INE_MEXICO_FACEBOOK, "ACCESSIBILITY", "Accesibilidad",
                                "Añadir subtítulos a los videos de la campaña.", "PENDING", null),
                        new SemiannualReport.RecommendationLine(uuid(72), VOCALIA, "FREQUENCY", "Frecuencia de publicación",
                                "Publicar al menos tres veces por semana.", "NOT_ATTENDED", null)));
        return new SemiannualReport(heading, inventory, statistics, evaluation, observations, escalations, bajas, trainings,
                recommendations);
    }

    /** A cycle in which nothing happened yet: every list empty, every count zero. */
    static SemiannualReport empty() {
        var heading = new SemiannualReport.Heading("INE/CNCS/RS/2028-S1",
                "Informe semestral de las cuentas institucionales en redes sociales", "2028-S1",
                LocalDate.of(2028, 1, 1), LocalDate.of(2028, 6, 30), Instant.parse("2028-01-02T03:00:00Z"));
        return new SemiannualReport(heading,
                new SemiannualReport.Inventory(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                new SemiannualReport.Statistics(0, 0, List.of(), List.of(), List.of()),
                new SemiannualReport.Evaluation(0, 0, 0, List.of(), List.of(), List.of(), List.of()),
                new SemiannualReport.Observations(0, 0, 0, 0, List.of()),
                new SemiannualReport.Escalations(List.of(), List.of(), List.of()),
                new SemiannualReport.Bajas(List.of(), List.of()), List.of(),
                new SemiannualReport.Recommendations(List.of(), List.of()));
    }

    private static AccountLine account(int n, String network, String handle, String areaCode, String areaName, String level,
                                       String status) {
        return new AccountLine(uuid(n), network, handle, "https://example.ine.mx/" + n, areaCode, areaName, level, status);
    }

    private static Score score(AccountLine account, int overall, String rating, boolean late) {
        return new Score(account, overall, rating, rating, Map.of("activity", overall - 2, "growth", overall - 5, "reach", overall),
                "2027.1", late);
    }

    private static Count count(String key, String label, long count) {
        return new Count(key, label, count);
    }

    static UUID uuid(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
