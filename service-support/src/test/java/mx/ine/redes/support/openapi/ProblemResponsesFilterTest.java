package mx.ine.redes.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldAddEveryGenericProblemToASecuredOperationThatReadsABody() {
        Operation post = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody())
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of("cncs"))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Creada")));

        filter(post);

        assertThat(post.getResponses().getAPIResponses().keySet())
                .containsExactlyInAnyOrder("201", "400", "401", "403", "413", "415", "500", "503");
        assertThat(post.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        APIResponse badRequest = post.getResponses().getAPIResponse("400");
        assertThat(badRequest.getContent().getMediaType(PROBLEM).getSchema().getRef())
                .isEqualTo("#/components/schemas/Problem");
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) badRequest.getContent().getMediaType(PROBLEM)
                .getExamples().get("es").getValue();
        assertThat(example).containsEntry("title", "Petición inválida").containsEntry("status", 400);
    }

    @Test
    void shouldKeepWhatTheOperationDeclaresItself() {
        Operation get = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of("cncs"))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("La cuenta"))
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("El id no es un UUID"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("No existe")));

        filter(get);

        assertThat(get.getResponses().getAPIResponse("400").getDescription()).isEqualTo("El id no es un UUID");
        assertThat(get.getResponses().getAPIResponse("400").getContent().getMediaType(PROBLEM)).isNotNull();
        assertThat(get.getResponses().getAPIResponse("404").getDescription()).isEqualTo("No existe");
        assertThat(get.getResponses().getAPIResponses()).doesNotContainKeys("413", "415");
    }

    @Test
    void shouldSayThatAnOperationWithoutRolesIsPublic() {
        Operation verify = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Veredicto")));

        filter(verify);

        assertThat(verify.getSecurity()).isEmpty();
        assertThat(verify.getResponses().getAPIResponses().keySet()).containsExactlyInAnyOrder("200", "400", "500", "503");
    }

    @Test
    void shouldTypeAHeaderDeclaredWithADescriptionOnly() {
        Operation post = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Creada")
                                .addHeader("Location", OASFactory.createHeader().description("La dirección"))));

        filter(post);

        var location = post.getResponses().getAPIResponse("201").getHeaders().get("Location");
        assertThat(location.getSchema().getType()).containsExactly(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING);
        assertThat(location.getDescription()).isEqualTo("La dirección");
    }

    private static void filter(Operation operation) {
        OpenAPI document = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem("/api/recurso", OASFactory.createPathItem().GET(operation)));
        new ProblemResponsesFilter().filterOpenAPI(document);
        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "InvalidField");
    }
}
