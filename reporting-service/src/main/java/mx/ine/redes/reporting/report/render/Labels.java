package mx.ine.redes.reporting.report.render;

import java.util.Comparator;
import java.util.Map;
import mx.ine.redes.events.StatisticField;

/** Spanish labels for the codes the model carries; a code without a label is shown as it is. */
final class Labels {

    /** Figures in the order of the statistics form ({@link StatisticField}), unknown names after them, alphabetically. */
    static final Comparator<String> FIGURE_ORDER = Comparator
            .<String>comparingInt(name -> StatisticField.find(name).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    private static final Map<String, String> NETWORKS = Map.of("X", "X (Twitter)", "FACEBOOK", "Facebook",
            "INSTAGRAM", "Instagram", "YOUTUBE", "YouTube", "TIKTOK", "TikTok", "THREADS", "Threads", "LINKEDIN", "LinkedIn",
            "WHATSAPP", "WhatsApp", "TELEGRAM", "Telegram");
    private static final Map<String, String> LEVELS = Map.of("CENTRAL", "Oficinas centrales", "LOCAL", "Junta local",
            "DISTRICT", "Junta distrital");
    private static final Map<String, String> ACCOUNT_STATUSES = Map.of("ACTIVE", "Activa", "DECOMMISSIONED", "Dada de baja");
    private static final Map<String, String> RATINGS = Map.of("PERTINENT", "Pertinente (se mantiene)",
            "PERTINENT_WITH_RECOMMENDATIONS", "Pertinente con recomendaciones",
            "NOT_PERTINENT", "No pertinente (se propone su baja)");
    private static final Map<String, String> SUBJECT_KINDS = Map.of("REQUEST", "Solicitud", "OBSERVATION", "Observación");
    private static final Map<String, String> GROUNDS = Map.of("NOT_PERTINENT", "No pertinente", "DORMANT", "Inactiva");
    private static final Map<String, String> PROPOSAL_STATUSES = Map.of("PROPOSED", "Propuesta", "DECIDED", "Decidida",
            "WITHDRAWN", "Retirada");
    private static final Map<String, String> RECOMMENDATION_STATUSES = Map.of("PENDING", "Pendiente", "ATTENDED", "Atendida",
            "NOT_ATTENDED", "No atendida");
    private static final Map<String, String> AUDIENCE_GROUPS = Map.of("gender", "Género", "ageBands", "Edad",
            "countries", "País");
    private static final Map<String, String> FIGURES = Map.ofEntries(
            Map.entry("posts", "Publicaciones"), Map.entry("ownPosts", "Publicaciones propias"),
            Map.entry("cncsPosts", "Publicaciones de la CNCS"), Map.entry("impressions", "Impresiones"),
            Map.entry("profileVisits", "Visitas al perfil"), Map.entry("mentions", "Menciones"),
            Map.entry("followers", "Seguidores"), Map.entry("multimediaPosts", "Contenidos multimedia"),
            Map.entry("shares", "Veces compartido"), Map.entry("likes", "Me gusta"), Map.entry("reach", "Alcance"),
            Map.entry("followerGrowth", "Crecimiento de seguidores"), Map.entry("plays", "Reproducciones"),
            Map.entry("followersAtStart", "Seguidores al inicio"), Map.entry("followersAtEnd", "Seguidores al final"),
            Map.entry("stories", "Historias"), Map.entry("videoViews", "Vistas de video"),
            Map.entry("watchTimeMinutes", "Minutos de reproducción"));

    private Labels() {
    }

    static String network(String code) {
        return label(NETWORKS, code);
    }

    static String level(String code) {
        return label(LEVELS, code);
    }

    static String accountStatus(String code) {
        return label(ACCOUNT_STATUSES, code);
    }

    static String rating(String code) {
        return label(RATINGS, code);
    }

    /** A rating as a chart's axis can hold it. */
    static String shortRating(String code, String label) {
        return switch (code == null ? "" : code) {
            case "PERTINENT" -> "Pertinente";
            case "PERTINENT_WITH_RECOMMENDATIONS" -> "Con recomendaciones";
            case "NOT_PERTINENT" -> "No pertinente";
            default -> label;
        };
    }

    static String subjectKind(String code) {
        return label(SUBJECT_KINDS, code);
    }

    static String grounds(String code) {
        return label(GROUNDS, code);
    }

    static String proposalStatus(String code) {
        return label(PROPOSAL_STATUSES, code);
    }

    static String recommendationStatus(String code) {
        return label(RECOMMENDATION_STATUSES, code);
    }

    static String audienceGroup(String code) {
        return label(AUDIENCE_GROUPS, code);
    }

    static String figure(String code) {
        return label(FIGURES, code);
    }

    static String yesNo(boolean value) {
        return value ? "Sí" : "No";
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
