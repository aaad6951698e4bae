package mx.ine.redes.evaluation.notification;

import java.util.Map;

/**
 * How a notice names a figure of the statistics form for people: a Spanish label per
 * {@code StatisticField} wire name. The letter each field has in a network's table is the form's
 * (submissions-service), so a notice names the field by its label and its wire name.
 */
public final class FigureLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("posts", "Mensajes o publicaciones del periodo"),
            Map.entry("ownPosts", "Mensajes propios"),
            Map.entry("cncsPosts", "Mensajes de Comunicación Social"),
            Map.entry("impressions", "Impresiones"),
            Map.entry("profileVisits", "Visitas al perfil"),
            Map.entry("mentions", "Menciones"),
            Map.entry("followers", "Seguidores"),
            Map.entry("multimediaPosts", "Contenidos multimedia"),
            Map.entry("shares", "Veces compartido"),
            Map.entry("likes", "Reacciones («me gusta»)"),
            Map.entry("reach", "Alcance"),
            Map.entry("followerGrowth", "Crecimiento de seguidores en el periodo"),
            Map.entry("plays", "Reproducciones"),
            Map.entry("followersAtStart", "Seguidores al inicio del periodo"),
            Map.entry("followersAtEnd", "Seguidores al final del periodo"),
            Map.entry("stories", "Historias"),
            Map.entry("videoViews", "Visualizaciones de video"),
            Map.entry("watchTimeMinutes", "Tiempo de reproducción (minutos)"),
            Map.entry("audience", "Audiencia por género, edad y país"),
            Map.entry("campaigns", "Publicaciones por campaña"),
            Map.entry("lastPublicationOn", "Fecha de la última publicación"),
            Map.entry("evidence", "Evidencias (capturas o documentos)"));

    private FigureLabels() {
    }

    /** «Seguidores al final del periodo (followersAtEnd)». */
    public static String of(String wireName) {
        String label = LABELS.get(wireName);
        return label == null ? wireName : label + " (" + wireName + ")";
    }
}
