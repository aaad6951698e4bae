package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.support.input.FreeText;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.ApiConventionsContract;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/**
 * The API conventions on this service's own OpenAPI document, and the regressions of issue 10 on
 * probe endpoints that exist only in this test (every kind of parameter and body field).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ApiConventionsTest extends ApiConventionsContract {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected DataSource database() {
        return dataSource;
    }


    public enum Network { FACEBOOK, INSTAGRAM, THREADS }

    public record ProbeItem(LocalDate day) {
    }

    public record ProbeRequest(@NotBlank String handle, Network network, Integer state, int count, boolean notLocated,
                               LocalDate day, Instant at, List<ProbeItem> items, @FreeText String note) {
    }

    @Path("/api/test/convenciones")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ConventionsProbe {

        @GET
        @Path("/{id}")
        @RolesAllowed(Roles.CNCS)
        public Page<String> probeParameters(@PathParam("id") UUID id, @QueryParam("businessDays") int businessDays,
                                            @QueryParam("account") UUID account, @QueryParam("dormant") Boolean dormant,
                                            @QueryParam("from") Instant from, @QueryParam("day") LocalDate day,
                                            @QueryParam("network") Network network,
                                            @QueryParam("limit") @DefaultValue("5") @Min(1) int limit,
                                            @BeanParam PageParams paging) {
            return paging.request().of(1, () -> List.of(id + " " + businessDays + " " + dormant));
        }

        @POST
        @RolesAllowed(Roles.CNCS)
        @Consumes(MediaType.APPLICATION_JSON)
        public ProbeRequest probeBody(@Valid ProbeRequest request) {
            return request;
        }

        @POST
        @Path("/csv")
        @RolesAllowed(Roles.CNCS)
        @Consumes("text/csv")
        public String probeCsv(String csv) {
            return "0";
        }

        @POST
        @Path("/concurrente")
        @RolesAllowed(Roles.CNCS)
        public String probeOptimisticLock() {
            throw new OptimisticLockException("row was updated by another transaction");
        }

        @POST
        @Path("/obsoleto")
        @RolesAllowed(Roles.CNCS)
        public String probeStaleState() {
            throw new PersistenceException(new StaleObjectStateException("SubmittingAccount", UUID.randomUUID()));
        }
    }

    private static final String VALID = """
            {"handle":"ine_mx","network":"THREADS","state":7,"count":3,"notLocated":true,"day":"2031-03-05",
             "at":"2031-03-05T10:00:00Z","items":[{"day":"2031-03-06"}],"note":"uno\\ndos"}""";

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }

    private static String probe(String id) {
        return "/api/test/convenciones/" + id;
    }

    @Test
    void shouldEchoAValidProbeBody() {
        given().auth().oauth2(cncs()).contentType("application/json").body(VALID).post("/api/test/convenciones")
                .then().statusCode(200).body("network", equalTo("THREADS")).body("note", equalTo("uno\ndos"));
    }

    @Test
    void shouldRefuseNulInBodyQueryAndPath() {
        given().auth().oauth2(cncs()).contentType("application/json").body(VALID.replace("ine_mx", "ine\\u0000mx"))
                .post("/api/test/convenciones")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("handle"));
        given().auth().oauth2(cncs()).urlEncodingEnabled(false).get(probe(UUID.randomUUID().toString()) + "?q=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.parameter", contains("q"));
        given().auth().oauth2(cncs()).urlEncodingEnabled(false).get(probe("a%00b"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.parameter", contains("id"));
        given().auth().oauth2(cncs()).urlEncodingEnabled(false).get("/api/registry/accounts/%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.parameter", contains("id"));
    }

    @Test
    void shouldAllowLineBreaksOnlyInFreeText() {
        given().auth().oauth2(cncs()).contentType("application/json").body(VALID.replace("ine_mx", "ine\\nmx"))
                .post("/api/test/convenciones")
                .then().statusCode(400).body("errors.field", contains("handle"));
        given().auth().oauth2(cncs()).contentType("application/json").body(VALID.replace("uno\\ndos", "uno\\u0000dos"))
                .post("/api/test/convenciones")
                .then().statusCode(400).body("errors.field", contains("note"));
    }

    @Test
    void shouldRefuseEveryWrongJsonTypeNamingTheField() {
        refusedBody(VALID.replace("\"network\":\"THREADS\"", "\"network\":5"), "network");
        refusedBody(VALID.replace("\"handle\":\"ine_mx\"", "\"handle\":123"), "handle");
        refusedBody(VALID.replace("\"state\":7", "\"state\":\"7\""), "state");
        refusedBody(VALID.replace("\"state\":7", "\"state\":7.5"), "state");
        refusedBody(VALID.replace("\"notLocated\":true", "\"notLocated\":1"), "notLocated");
        refusedBody(VALID.replace("\"notLocated\":true", "\"notLocated\":\"true\""), "notLocated");
        refusedBody(VALID.replace("\"count\":3", "\"count\":null"), "count");
        refusedBody(VALID.replace("\"day\":\"2031-03-05\"", "\"day\":[2031,3,5]"), "day");
        refusedBody(VALID.replace("\"items\":[{\"day\":\"2031-03-06\"}]", "\"items\":[{\"day\":[2031,3,6]}]"), "items[0].day");
        refusedBody(VALID.replace("\"at\":\"2031-03-05T10:00:00Z\"", "\"at\":1930000000"), "at");
        refusedBody(VALID.replace("\"day\":\"2031-03-05\"", "\"day\":\"0000-01-01\""), "day");
        refusedBody(VALID.replace("\"at\":\"2031-03-05T10:00:00Z\"", "\"at\":\"+999999999-12-31T23:59:59Z\""), "at");
        refusedBody(VALID.replace("\"count\":3", "\"count\":3,\"status\":\"ACTIVE\""), "status");
    }

    @Test
    void shouldSayInEnglishWhatAFieldExpects() {
        given().auth().oauth2(cncs()).header("Accept-Language", "en").contentType("application/json")
                .body(VALID.replace("\"state\":7", "\"state\":\"7\"")).post("/api/test/convenciones")
                .then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("state"))
                .body("errors[0].message", equalTo("Must be a whole number between -2147483648 and 2147483647."));
    }

    @Test
    void shouldLocaliseBeanValidationMessages() {
        String blank = VALID.replace("\"handle\":\"ine_mx\"", "\"handle\":\" \"");
        given().auth().oauth2(cncs()).contentType("application/json").body(blank).post("/api/test/convenciones")
                .then().statusCode(400).body("errors.field", contains("handle"))
                .body("errors[0].message", equalTo("no debe estar vacío"));
        given().auth().oauth2(cncs()).header("Accept-Language", "en").contentType("application/json").body(blank)
                .post("/api/test/convenciones")
                .then().statusCode(400).body("errors[0].message", equalTo("must not be blank"));
    }

    @Test
    void shouldRefuseParametersOfTheWrongTypeNamingThem() {
        String id = UUID.randomUUID().toString();
        refusedParameter(probe(id) + "?size=abc", "size");
        refusedParameter(probe(id) + "?businessDays=abc", "businessDays");
        refusedParameter(probe(id) + "?businessDays=2147483648", "businessDays");
        refusedParameter(probe(id) + "?account=abc", "account");
        refusedParameter(probe(id) + "?dormant=maybe", "dormant");
        refusedParameter(probe(id) + "?dormant=TRUE", "dormant");
        refusedParameter(probe(id) + "?network=threads", "network");
        refusedParameter(probe(id) + "?day=0000-01-01", "day");
        refusedParameter(probe(id) + "?from=%2B999999999-12-31T23:59:59Z", "from");
        refusedParameter(probe(id) + "?limit=0", "limit");
        refusedParameter(probe("abc"), "id");
        refusedParameter("/api/registry/accounts/abc", "id");
        refusedParameter("/api/registry/accounts?size=abc", "size");
        given().auth().oauth2(cncs()).post("/api/operations/dead-letters/abc/replay")
                .then().statusCode(400).contentType("application/problem+json").body("errors.parameter", contains("id"));
    }

    @Test
    void shouldSayANonNumberIsNotANumberAndANumberOutOfRangeWhatTheRangeIs() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(cncs()).get(probe(id) + "?businessDays=abc").then().statusCode(400)
                .body("errors[0].message", equalTo("Debe ser un número entero."));
        given().auth().oauth2(cncs()).get(probe(id) + "?businessDays=2147483648").then().statusCode(400)
                .body("errors[0].message", equalTo("Debe ser un número entero entre -2147483648 y 2147483647."));
        given().auth().oauth2(cncs()).get("/api/registry/accounts?size=501").then().statusCode(400)
                .body("errors[0].parameter", equalTo("size")).body("errors[0].message", equalTo("Debe estar entre 1 y 500."));
    }

    @Test
    void shouldReadWellFormedParameters() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(cncs()).get(probe(id) + "?businessDays=-3&dormant=false&day=2031-03-05&from=2031-03-05T10:00:00Z&network=THREADS")
                .then().statusCode(200).body("items", contains(id + " -3 false"));
    }

    @Test
    void shouldAnswerAHugePageEmpty() {
        given().auth().oauth2(cncs()).get("/api/registry/accounts?page=2147483647")
                .then().statusCode(200).body("items", empty()).body("page", equalTo(2147483647)).body("size", equalTo(50));
        given().auth().oauth2(cncs()).get("/api/operations/dead-letters?page=2147483647&size=500")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void shouldAnswerAConcurrentEditWithAConflict() {
        given().auth().oauth2(cncs()).post("/api/test/convenciones/concurrente")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Otra persona modificó este recurso al mismo tiempo; vuelva a leerlo y repita el cambio."));
        given().auth().oauth2(cncs()).header("Accept-Language", "en").post("/api/test/convenciones/obsoleto")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Someone else changed this resource at the same time; read it again and repeat the change."));
    }

    @Test
    void shouldNotAskForJsonWhereAnotherTypeIsExpected() {
        given().auth().oauth2(cncs()).contentType("application/json").body("{}").post("/api/test/convenciones/csv")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", not(containsString("envíe application/json")))
                .body("detail", startsWith("Esta operación no admite application/json"));
    }

    @Test
    void shouldRefuseAnOversizeBodyWithoutLengthAsAProblem() throws Exception {
        byte[] huge = ("{\"handle\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // A body of unknown length goes chunked, without Content-Length.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/test/convenciones"))
                .header("Authorization", "Bearer " + cncs())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> org.assertj.core.api.Assertions.assertThat(type).startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("El cuerpo de la solicitud excede el máximo permitido de 2097152 bytes.");
    }

    private static void refusedBody(String body, String field) {
        given().auth().oauth2(cncs()).contentType("application/json").body(body).post("/api/test/convenciones")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static void refusedParameter(String url, String parameter) {
        given().auth().oauth2(cncs()).urlEncodingEnabled(false).get(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.parameter", hasItem(parameter));
    }
}
