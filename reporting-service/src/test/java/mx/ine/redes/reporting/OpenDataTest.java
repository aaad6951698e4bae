package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.reporting.service.InventoryProjection;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open data: the Institute's official and former accounts for anybody, fed by the registry's events.
 * The fixtures live on a network of their own, so that the other tests' accounts never show in
 * these lists; every request but the rate limit's own comes from a fresh client address (the
 * loopback is a trusted proxy in tests), so that no test spends another's allowance.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OpenDataTest {

    private static final String NETWORK = "RED_" + randomLetters();
    private static final UUID CHIAPAS = UUID.fromString("10000000-0000-0000-0000-000000000001");
    private static final UUID DISTRICT_03 = UUID.fromString("20000000-0000-0000-0000-000000000002");
    private static final UUID CENTRAL = UUID.fromString("30000000-0000-0000-0000-000000000003");
    /** The same handle twice: a former account and its re-registration, told apart by id (05… before 40…). */
    private static final UUID MX_FORMER = UUID.fromString("40000000-0000-0000-0000-000000000004");
    private static final UUID MX_AGAIN = UUID.fromString("05000000-0000-0000-0000-000000000005");

    /** Everything personal the fixtures' events carry: none of it may be published. */
    private static final List<String> PERSONAL = List.of("titular.jle.chis@ine.mx", "Rosa Elena Pérez Ruiz",
            "admin.redes.chis@ine.mx", "nuevo.admin@ine.mx", "Nuevo Administrador Gómez", "enlace.chis@ine.mx",
            "Jorge Enlace Salas", "titular.ancestro@ine.mx", "Titular Ancestro", "Juan Persona", "observa@ine.mx", "@ine.mx");

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static boolean published;

    @Inject
    InventoryProjection inventory;

    @BeforeEach
    void publishTheRegistryOnce() {
        if (published) {
            return;
        }
        List<UUID> decommissioned = List.of(DISTRICT_03, MX_FORMER);
        KafkaTestClient.publish(new AccountRegistered(snapshot(CHIAPAS, "ine_chiapas", "INE Chiapas", "JLE-CHIS",
                "Junta Local Ejecutiva en Chiapas", "LOCAL", 7, LocalDate.of(2025, 3, 10))));
        KafkaTestClient.publish(new AdministratorAssigned(CHIAPAS, UUID.randomUUID(), "Nuevo Administrador Gómez",
                "nuevo.admin@ine.mx", "JLE-CHIS"));
        KafkaTestClient.publish(new AccountRegistered(snapshot(DISTRICT_03, "ine_jde03chis", "INE 03 Distrito Chiapas",
                "JDE-CHIS-03", "03 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", 7, LocalDate.of(2024, 2, 1))));
        KafkaTestClient.publish(new AccountDecommissioned(DISTRICT_03, NETWORK, "ine_jde03chis", "JDE-CHIS-03",
                LocalDate.of(2026, 6, 30), "Baja por inactividad; lo pidió Juan Persona", "Avisar a observa@ine.mx"));
        KafkaTestClient.publish(new AccountRegistered(snapshot(CENTRAL, "ine_cdmx", "=HIPERVINCULO(\"https://malo.example\";\"clic\")",
                "CNCS", "@Coordinación Nacional de Comunicación Social", "CENTRAL", 9, LocalDate.of(2023, 1, 16))));
        KafkaTestClient.publish(new AccountRegistered(snapshot(MX_FORMER, "ine_mx", "INE México", "CNCS",
                "Coordinación Nacional de Comunicación Social", "CENTRAL", 9, LocalDate.of(2020, 5, 4))));
        KafkaTestClient.publish(new AccountDecommissioned(MX_FORMER, NETWORK, "ine_mx", "CNCS", LocalDate.of(2023, 5, 2),
                "Cuenta abandonada", null));
        KafkaTestClient.publish(new AccountRegistered(snapshot(MX_AGAIN, "ine_mx", "INE México", "CNCS",
                "Coordinación Nacional de Comunicación Social", "CENTRAL", 9, LocalDate.of(2024, 8, 19))));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(CHIAPAS, DISTRICT_03, CENTRAL, MX_FORMER, MX_AGAIN).stream()
                .allMatch(id -> QuarkusTransaction.requiringNew().call(() -> inventory.find(id)
                        .filter(account -> !decommissioned.contains(id) || "DECOMMISSIONED".equals(account.status))
                        .filter(account -> !id.equals(CHIAPAS) || account.administratorEmails.contains("nuevo.admin@ine.mx"))
                        .isPresent())));
        published = true;
    }

    @Test
    void shouldListOfficialAndFormerAccountsWithoutATokenInNetworkHandleAndIdOrder() {
        publicly().get("/api/public/accounts?network=" + NETWORK)
                .then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.handle", contains("ine_cdmx", "ine_chiapas", "ine_jde03chis", "ine_mx", "ine_mx"))
                .body("items.id", contains(CENTRAL.toString(), CHIAPAS.toString(), DISTRICT_03.toString(), MX_AGAIN.toString(),
                        MX_FORMER.toString()))
                .body("items[1].network", equalTo(NETWORK))
                .body("items[1].url", equalTo("https://red.example/ine_chiapas"))
                .body("items[1].displayName", equalTo("INE Chiapas"))
                .body("items[1].areaCode", equalTo("JLE-CHIS"))
                .body("items[1].areaName", equalTo("Junta Local Ejecutiva en Chiapas"))
                .body("items[1].level", equalTo("LOCAL"))
                .body("items[1].levelLabel", equalTo("Junta Local Ejecutiva"))
                .body("items[1].state", equalTo(7))
                .body("items[1].status", equalTo("ACTIVE"))
                .body("items[1].statusLabel", equalTo("oficial"))
                .body("items[1].registeredOn", equalTo("2025-03-10"))
                .body("items[1].decommissionedOn", nullValue());
    }

    @Test
    void shouldListADecommissionedAccountAsFormerWithItsBajaDate() {
        publicly().get("/api/public/accounts?network=" + NETWORK + "&status=DECOMMISSIONED")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(DISTRICT_03.toString(), MX_FORMER.toString()))
                .body("items.statusLabel", contains("anterior", "anterior"))
                .body("items.decommissionedOn", contains("2026-06-30", "2023-05-02"))
                .body("items[0].registeredOn", equalTo("2024-02-01"))
                .body("items[0].levelLabel", equalTo("Junta Distrital Ejecutiva"));
    }

    @Test
    void shouldPageInTheStatedOrderWithoutRepeatingOrSkipping() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Response response = publicly().get("/api/public/accounts?network=" + NETWORK + "&size=2&page=" + page);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getInt("total")).isEqualTo(5);
            seen.addAll(response.jsonPath().getList("items.id"));
        }
        assertThat(seen).containsExactly(CENTRAL.toString(), CHIAPAS.toString(), DISTRICT_03.toString(), MX_AGAIN.toString(),
                MX_FORMER.toString());
        publicly().get("/api/public/accounts?network=" + NETWORK + "&size=2&page=3")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(5));
    }

    @Test
    void shouldFilterByStatusLevelAndState() {
        String base = "/api/public/accounts?network=" + NETWORK;
        publicly().get(base + "&status=ACTIVE").then().statusCode(200)
                .body("items.id", contains(CENTRAL.toString(), CHIAPAS.toString(), MX_AGAIN.toString()));
        publicly().get(base + "&level=DISTRICT").then().statusCode(200).body("items.id", contains(DISTRICT_03.toString()));
        publicly().get(base + "&state=9").then().statusCode(200)
                .body("items.id", contains(CENTRAL.toString(), MX_AGAIN.toString(), MX_FORMER.toString()));
        publicly().get(base + "&status=ACTIVE&level=LOCAL&state=7").then().statusCode(200)
                .body("items.id", contains(CHIAPAS.toString()));
        publicly().get(base + "&state=33").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("state"));
        publicly().get(base + "&status=oficial").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("status"));
    }

    @Test
    void shouldNeverPublishPersonalDataInTheListOrTheCsv() throws Exception {
        String json = publicly().get("/api/public/accounts?size=500&network=" + NETWORK).then().statusCode(200).extract().asString();
        String csv = publicly().get("/api/public/accounts.csv?network=" + NETWORK).then().statusCode(200).extract().asString();
        for (String personal : PERSONAL) {
            assertThat(json).as("JSON").doesNotContain(personal);
            assertThat(csv).as("CSV").doesNotContain(personal);
        }
        assertThat(json).doesNotContain("Baja por inactividad").doesNotContain("Cuenta abandonada");
        JsonNode item = new ObjectMapper().readTree(json).path("items").get(0);
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "network", "handle", "url", "displayName", "areaCode", "areaName",
                "level", "levelLabel", "state", "status", "statusLabel", "registeredOn", "decommissionedOn");
    }

    @Test
    void shouldDownloadEveryRowAsUtf8CsvWithFormulasDefused() {
        Response response = publicly().get("/api/public/accounts.csv?network=" + NETWORK);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType().replace(" ", "")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"cuentas-oficiales-ine.csv\"");
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("id,network,handle,url,displayName,areaCode,areaName,level,levelLabel,state,status,"
                + "statusLabel,registeredOn,decommissionedOn");
        assertThat(lines.get(1)).isEqualTo(CENTRAL + "," + NETWORK + ",ine_cdmx,https://red.example/ine_cdmx,"
                + "\"'=HIPERVINCULO(\"\"https://malo.example\"\";\"\"clic\"\")\",CNCS,\"'@Coordinación Nacional de Comunicación"
                + " Social\",CENTRAL,Oficinas centrales,9,ACTIVE,oficial,2023-01-16,");
        assertThat(lines.get(3)).isEqualTo(DISTRICT_03 + "," + NETWORK + ",ine_jde03chis,https://red.example/ine_jde03chis,"
                + "INE 03 Distrito Chiapas,JDE-CHIS-03,03 Junta Distrital Ejecutiva en Chiapas,DISTRICT,Junta Distrital Ejecutiva,"
                + "7,DECOMMISSIONED,anterior,2024-02-01,2026-06-30");
        List<Csv.Row> rows = Csv.parse(text);
        assertThat(rows).extracting(row -> row.fields().get(0)).containsExactly("id", CENTRAL.toString(), CHIAPAS.toString(),
                DISTRICT_03.toString(), MX_AGAIN.toString(), MX_FORMER.toString());
        // A spreadsheet shows the apostrophe-led cell as text; the value itself comes back with Csv.restore.
        assertThat(Csv.restore(rows.get(1).fields().get(4))).isEqualTo("=HIPERVINCULO(\"https://malo.example\";\"clic\")");

        publicly().get("/api/public/accounts.csv?network=" + NETWORK + "&status=DECOMMISSIONED").then().statusCode(200)
                .body(containsString("2023-05-02"));
        assertThat(publicly().get("/api/public/accounts.csv?network=" + NETWORK + "&status=DECOMMISSIONED").asString()
                .split("\r\n")).hasSize(3);
    }

    @Test
    void shouldAnswerNotModifiedUntilTheInventoryChanges() {
        Response first = publicly().get("/api/public/accounts?network=" + NETWORK);
        String tag = first.header("ETag");
        assertThat(tag).isNotBlank();
        assertThat(first.header("Last-Modified")).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age=60");
        publicly().header("If-None-Match", tag).get("/api/public/accounts?network=" + NETWORK).then().statusCode(304);
        // Another page is another answer: its tag differs.
        assertThat(publicly().get("/api/public/accounts?network=" + NETWORK + "&size=2").header("ETag")).isNotEqualTo(tag);
        String csvTag = publicly().get("/api/public/accounts.csv?network=" + NETWORK).header("ETag");
        publicly().header("If-None-Match", csvTag).get("/api/public/accounts.csv?network=" + NETWORK).then().statusCode(304);

        // Any account the registry adds (here on a network of its own) makes every kept answer stale.
        UUID added = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(new AccountSnapshot(added, "RED_" + randomLetters(), "ine_nueva",
                "https://red.example/ine_nueva", "INE nueva", "INSTITUTIONAL", "ACTIVE", "CNCS", "CNCS", "CENTRAL", 9, null,
                null, null, List.of(), LocalDate.of(2026, 1, 5), null, List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> inventory.find(added).isPresent()));
        Response changed = publicly().header("If-None-Match", tag).get("/api/public/accounts?network=" + NETWORK);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
    }

    @Test
    void shouldRefuseAClientBeyondItsAllowanceWithRetryAfterAndLetOthersThrough() {
        // 100 a minute in tests (application.properties); the client is the last hop the trusted proxy (the loopback)
        // appended, whatever it invents to the left.
        String client = "198.51.100." + (10 + new Random().nextInt(200));
        Response limited = null;
        int allowed = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 300 && limited == null; i++) {
            Response response = given().header("X-Forwarded-For", "10.9." + (i / 250) + "." + (i % 250) + ", " + client)
                    .get(i % 2 == 0 ? "/api/public/accounts?size=1&network=" + NETWORK : "/api/public/accounts.csv?network=" + NETWORK);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                allowed++;
            }
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(limited).as("a burst beyond the allowance is refused").isNotNull();
        // The bucket starts full (100) and refills continuously, one every 0.6 s: a slow burst earns a few more.
        assertThat(allowed).as("allowed in a burst of %d ms", elapsedMillis).isBetween(100, 100 + (int) (elapsedMillis / 600));
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(limited.jsonPath().getString("detail"))
                .isEqualTo("Demasiadas consultas a los datos abiertos desde esta dirección; intente de nuevo en unos segundos.");

        // Still empty (the refill since the refusal is at most a request's worth, which the first of these takes).
        Response english = null;
        for (int i = 0; i < 3 && (english == null || english.statusCode() != 429); i++) {
            english = given().header("X-Forwarded-For", client).header("Accept-Language", "en").get("/api/public/accounts.csv");
        }
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.jsonPath().getString("detail"))
                .isEqualTo("Too many open data requests from this address; try again in a few seconds.");
        // Another client is not affected, nor is a client that only invents the limited address to the left.
        given().header("X-Forwarded-For", client + ", 198.51.100.250").get("/api/public/accounts?network=" + NETWORK)
                .then().statusCode(200);
    }

    @Test
    void shouldDeclareTheOpenDataOperationsPublicInTheOpenApiDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .path("paths");
        for (String path : List.of("/api/public/accounts", "/api/public/accounts.csv")) {
            JsonNode operation = paths.path(path).path("get");
            assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
                    .as(path + " needs no token: " + operation.path("security")).isTrue();
            assertThat(operation.path("responses").has("401")).as(path + " never answers 401").isFalse();
            assertThat(operation.path("responses").has("429")).as(path + " declares 429").isTrue();
            assertThat(operation.path("responses").path("429").path("headers").has("Retry-After")).isTrue();
            assertThat(operation.path("responses").has("304")).isTrue();
        }
        assertThat(paths.path("/api/public/accounts").path("get").path("description").asText()).contains("red, cuenta (handle) e id");
        assertThat(paths.path("/api/public/accounts.csv").path("get").path("responses").path("200").path("content").has("text/csv"))
                .isTrue();
    }

    /** A request from a client address of its own, without a token. */
    private static RequestSpecification publicly() {
        int n = CLIENTS.incrementAndGet();
        return given().header("X-Forwarded-For", "203.0." + (n / 250) + "." + (n % 250 + 1));
    }

    private static AccountSnapshot snapshot(UUID id, String handle, String displayName, String areaCode, String areaName,
                                            String level, int state, LocalDate registeredOn) {
        return new AccountSnapshot(id, NETWORK, handle, "https://red.example/" + handle, displayName, "INSTITUTIONAL", "ACTIVE",
                areaCode, areaName, level, state, "DISTRICT".equals(level) ? 3 : null, "Mtra. Rosa Elena Pérez Ruiz",
                "titular.jle.chis@ine.mx", List.of("admin.redes.chis@ine.mx"), registeredOn, LocalDate.of(2026, 11, 1),
                List.of(new AreaLink("INE", "Instituto Nacional Electoral", "CENTRAL", "Titular Ancestro", "titular.ancestro@ine.mx")),
                "Lic. Jorge Enlace Salas", "enlace.chis@ine.mx");
    }

    private static String randomLetters() {
        Random random = new Random();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString().toUpperCase(Locale.ROOT);
    }
}
