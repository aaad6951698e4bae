package mx.ine.redes.support.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.ine.redes.support.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every operation of a service the problem responses that the shared library answers for
 * any endpoint (api-conventions.md): 400 (malformed body or parameter), 401 and 403 where the
 * operation needs a token, 413 and 415 where it reads a body, 503 with {@code Retry-After} (the database cannot be
 * reached: ProblemMappers), 500 (only a log reference). Each is
 * {@code application/problem+json} with the {@code Problem} schema and a Spanish example. A response
 * the operation declares itself (a 400 with its own description, a 404, a 409…) is kept as it is.
 * An operation that names no role (the public check) gets an explicit empty {@code security}, and a
 * response header declared without a schema ({@code Location}, {@code Retry-After}) is typed as a string.
 *
 * <p>Registered for every service by {@code mp.openapi.filter} in the shared configuration.
 */
public class ProblemResponsesFilter implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String INVALID_FIELD_SCHEMA = "InvalidField";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    /** A generic problem response: its status, its description and its example. */
    record Generic(String status, String description, String title, String detail, boolean withError) {
    }

    static final Generic BAD_REQUEST = new Generic("400", "Petición inválida: el cuerpo, un campo o un parámetro no es válido",
            "Petición inválida", "Revise los campos señalados.", true);
    static final Generic UNAUTHORIZED = new Generic("401", "Falta el token de acceso o no es válido",
            "No autenticado", "Se requiere un token de acceso válido.", false);
    static final Generic FORBIDDEN = new Generic("403", "El rol del token no permite esta operación",
            "Acceso denegado", "Su rol no permite esta operación.", false);
    static final Generic PAYLOAD_TOO_LARGE = new Generic("413", "El cuerpo excede el tamaño máximo configurado",
            "Cuerpo demasiado grande", "El cuerpo de la petición excede el máximo de 2 MB.", false);
    static final Generic UNSUPPORTED_MEDIA_TYPE = new Generic("415", "El tipo de contenido del cuerpo no es el que la operación acepta",
            "Tipo de contenido no admitido", "Envíe el cuerpo como application/json.", false);
    static final Generic SERVICE_UNAVAILABLE = new Generic("503",
            "El servicio no puede atender por ahora (su base de datos no responde); repita la petición tras Retry-After",
            "Servicio no disponible", "La base de datos no responde por ahora; nada se guardó. Intente de nuevo en unos segundos.", false);
    static final Generic SERVER_ERROR = new Generic("500", "Error interno; el cuerpo solo lleva una referencia al registro",
            "Error interno", "Ocurrió un error interno. Referencia: 5f1c2a7e-0b7d-4d1e-9a51-3c0f8f2b6d10.", false);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addProblemSchemas(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getSecurity() == null && !securedByDefault) {
                    // No role named (@PermitAll, the public check): say so, rather than leave it unsaid.
                    operation.setSecurity(new java.util.ArrayList<>());
                }
                boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
                addGenericResponses(operation, secured);
                typeUntypedHeaders(operation);
            }
        }
    }

    static void addGenericResponses(Operation operation, boolean secured) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, BAD_REQUEST);
        if (secured) {
            add(responses, UNAUTHORIZED);
            add(responses, FORBIDDEN);
        }
        if (operation.getRequestBody() != null) {
            add(responses, PAYLOAD_TOO_LARGE);
            add(responses, UNSUPPORTED_MEDIA_TYPE);
        }
        boolean ownUnavailable = responses.getAPIResponse(SERVICE_UNAVAILABLE.status()) != null;
        add(responses, SERVICE_UNAVAILABLE);
        if (!ownUnavailable) {
            responses.getAPIResponse(SERVICE_UNAVAILABLE.status()).addHeader("Retry-After", OASFactory.createHeader()
                    .description("Segundos que conviene esperar antes de repetir la petición")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        add(responses, SERVER_ERROR);
    }

    /**
     * A response header declared with a description only ({@code @Header(name = "Location")}) is not
     * valid OpenAPI (a header needs a schema): it is a string, a URI for {@code Location}.
     */
    static void typeUntypedHeaders(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            response.getHeaders().forEach((name, header) -> {
                if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                    Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
                    header.setSchema("Location".equalsIgnoreCase(name) ? schema.format("uri-reference") : schema);
                }
            });
        }
    }

    private static void add(APIResponses responses, Generic generic) {
        APIResponse declared = responses.getAPIResponse(generic.status());
        if (declared != null) {
            // The operation said what this status means for it: keep its words, give it the schema.
            if (declared.getContent() == null || declared.getContent().getMediaTypes() == null
                    || declared.getContent().getMediaTypes().isEmpty()) {
                declared.setContent(problemContent(generic));
            }
            return;
        }
        responses.addAPIResponse(generic.status(),
                OASFactory.createAPIResponse().description(generic.description()).content(problemContent(generic)));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent(Generic generic) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", generic.title());
        example.put("status", Integer.parseInt(generic.status()));
        example.put("detail", generic.detail());
        example.put("instance", "/api/recurso");
        if (generic.withError()) {
            example.put("errors", List.of(Map.of("field", "handle", "message", "Es obligatorio.")));
        }
        Example named = OASFactory.createExample().summary(generic.title()).value(example);
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .addExample("es", named));
    }

    private static void addProblemSchemas(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null || !schemas.containsKey(INVALID_FIELD_SCHEMA)) {
            components.addSchema(INVALID_FIELD_SCHEMA, OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("Una parte de la petición que no es válida: un campo del cuerpo (field), un parámetro "
                            + "(parameter) o una línea de un archivo (line, con la columna como field)")
                    .addProperty("field", string("Campo del cuerpo, o columna de la línea"))
                    .addProperty("parameter", string("Parámetro de consulta o de ruta"))
                    .addProperty("line", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                            .description("Línea del archivo (la primera de datos es la 2)"))
                    .addProperty("message", string("Qué está mal, en el idioma de la respuesta"))
                    .required(List.of("message")));
        }
        if (schemas == null || !schemas.containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(PROBLEM_SCHEMA, OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("Detalle de un problema (RFC 9457), en español salvo Accept-Language: en")
                    .addProperty("type", string("URI del tipo de problema"))
                    .addProperty("title", string("Resumen del problema"))
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                    .addProperty("detail", string("Explicación para esta petición"))
                    .addProperty("instance", string("Ruta de la petición"))
                    .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref("#/components/schemas/" + INVALID_FIELD_SCHEMA)))
                    .required(List.of("title", "status")));
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
