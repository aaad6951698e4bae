package mx.ine.redes.events;

import java.util.Arrays;

/**
 * The recommendation categories of domain.md §5 as they travel on {@link IssuedRecommendation} and
 * {@link RecommendationAttended}, with the Spanish label the administrators and the Committee read.
 */
public enum RecommendationCategoryLabel {
    MORE_ORIGINAL_CONTENT("Generar más contenido original"),
    MORE_MULTIMEDIA("Publicar más contenido multimedia"),
    ROUTE_THROUGH_INEMEXICO("Difundir primero los mensajes institucionales a través de @INEMexico"),
    PUBLISH_MORE_OFTEN("Publicar con mayor frecuencia"),
    IMPROVE_ENGAGEMENT("Mejorar la interacción con la audiencia"),
    UPDATE_PROFILE("Actualizar los datos del perfil de la cuenta"),
    DECOMMISSION("Dar de baja la cuenta"),
    OTHER("Otra");

    private final String label;

    RecommendationCategoryLabel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a wire name; an unknown one (a newer producer) is shown as it came. */
    public static String labelOf(String wireName) {
        return Arrays.stream(values()).filter(category -> category.name().equals(wireName)).findFirst()
                .map(RecommendationCategoryLabel::label).orElse(wireName);
    }
}
