package mx.ine.redes.reporting.report;

import java.util.Map;

/**
 * The Spanish the Committee reads for the keys only the reports show (levels, networks, statuses,
 * Committee resolutions, recommendation statuses). Ratings and recommendation categories are
 * labelled by event-contract ({@code RatingLabel}, {@code RecommendationCategoryLabel}), shared with
 * evaluation-service. A key not listed (a newer producer) is shown as it came.
 */
public final class ReportLabels {

    private static final Map<String, String> LEVELS = Map.of(
            "CENTRAL", "Oficinas centrales",
            "LOCAL", "Junta local ejecutiva",
            "DISTRICT", "Junta distrital ejecutiva");

    private static final Map<String, String> NETWORKS = Map.ofEntries(
            Map.entry("X", "X"), Map.entry("FACEBOOK", "Facebook"), Map.entry("INSTAGRAM", "Instagram"),
            Map.entry("YOUTUBE", "YouTube"), Map.entry("TIKTOK", "TikTok"), Map.entry("THREADS", "Threads"),
            Map.entry("LINKEDIN", "LinkedIn"), Map.entry("PINTEREST", "Pinterest"),
            Map.entry("WHATSAPP_CHANNEL", "Canal de WhatsApp"), Map.entry("OTHER", "Otra red"));

    private static final Map<String, String> ACCOUNT_STATUSES = Map.of(
            "ACTIVE", "Activa",
            "DECOMMISSIONED", "Dada de baja");

    private static final Map<String, String> RESOLUTIONS = Map.of(
            "RECEIVED", "Se tiene por recibido",
            "AGREED", "Acuerdo",
            "INSTRUCTED", "Instrucción");

    private static final Map<String, String> RECOMMENDATION_STATUSES = Map.of(
            "PENDING", "Pendiente",
            "ATTENDED", "Atendida",
            "NOT_ATTENDED", "No atendida");

    private ReportLabels() {
    }

    public static String level(String key) {
        return label(LEVELS, key);
    }

    public static String network(String key) {
        return label(NETWORKS, key);
    }

    public static String accountStatus(String key) {
        return label(ACCOUNT_STATUSES, key);
    }

    public static String resolution(String key) {
        return label(RESOLUTIONS, key);
    }

    public static String recommendationStatus(String key) {
        return label(RECOMMENDATION_STATUSES, key);
    }

    private static String label(Map<String, String> labels, String key) {
        return key == null ? null : labels.getOrDefault(key, key);
    }
}
