package mx.ine.redes.submissions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Only documents {@code figures} in OpenAPI: the counts of every form by field name. Which are
 * required depends on the network (the form's JSON Schema says); the service reads them itself.
 */
@Schema(name = "Figures", description = "Cifras por campo (enteros de 64 bits, no negativos salvo followerGrowth). "
        + "Cuáles pide cada red: GET /api/forms/{network}.")
public record FiguresDocumentation(
        Long posts, Long ownPosts, Long cncsPosts, Long impressions, Long profileVisits, Long mentions, Long followers,
        Long multimediaPosts, Long shares, Long likes, Long reach, Long followerGrowth, Long plays, Long followersAtStart,
        Long followersAtEnd, Long stories, Long videoViews, Long watchTimeMinutes) {
}
