package mx.ine.redes.submissions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Only documents one entry of {@code campaigns} in OpenAPI. */
@Schema(name = "CampaignPostsEntry", description = "Publicaciones de una campaña por su hashtag")
public record CampaignDocumentation(@Schema(examples = "#INEInforma") String hashtag, long posts) {
}
