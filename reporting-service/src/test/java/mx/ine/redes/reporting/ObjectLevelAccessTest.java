package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.ObjectLevelProbes;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Object-level probes of the reports, in every format they are downloaded in: an account's series
 * is answered as a missing one (404, nothing of the account in the problem) to the administrator
 * of another account and to the head of another area; an area head's slice of the semiannual and
 * annual reports names no account of another area in JSON, CSV, XLSX or PDF. (TrendsTest and
 * SemiannualReportTest prove the JSON answers and the slice's figures.) Over {@link MultiYearWorld}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLevelAccessTest {

    private static final List<String> FORMATS = List.of("json", "csv", "xlsx", "pdf");

    /** Handles and administrators of the accounts outside JL07 (a2, a3, a4 and a3's administrator). */
    private static final List<String> OUTSIDE_JL07 = List.of("INEMexicoOficial", "INECDMX", "INEJD0901", "admin3@ine.mx");

    MultiYearWorld world;

    @BeforeAll
    void buildTheWorld() {
        world = new MultiYearWorld().build();
    }

    @Test
    void shouldAnswerAnotherAreasAccountSeriesAsMissingInEveryFormat() {
        String missing = UUID.randomUUID().toString();
        String otherAdmin = TestTokens.forPerson("admin3@ine.mx", Set.of(Roles.ACCOUNT_ADMIN), Map.of());
        String otherHead = TestTokens.forPerson("jl07@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());
        String ownAdmin = TestTokens.forPerson("admin1@ine.mx", Set.of(Roles.ACCOUNT_ADMIN), Map.of());
        SoftAssertions softly = new SoftAssertions();
        for (String format : FORMATS) {
            softly.assertThat(given().auth().oauth2(ownAdmin).queryParam("format", format)
                            .get("/api/reports/trends/accounts/" + world.a1).statusCode())
                    .as("a1's series as " + format + " to its administrator").isEqualTo(200);
            for (String stranger : List.of(otherAdmin, otherHead)) {
                Response foreign = given().auth().oauth2(stranger).queryParam("format", format)
                        .get("/api/reports/trends/accounts/" + world.a1);
                Response absent = given().auth().oauth2(stranger).queryParam("format", format)
                        .get("/api/reports/trends/accounts/" + missing);
                ObjectLevelProbes.expectNotFound(softly, "the series of another area's account as " + format, foreign,
                        world.a1.toString(), absent, missing, "INEMexico", "admin1@ine.mx");
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldNameNoAccountOfAnotherAreaInAnAreaHeadsSliceInAnyFormat() throws IOException {
        String head = TestTokens.forPerson("jl07@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());
        SoftAssertions softly = new SoftAssertions();
        for (String report : List.of("/api/reports/semiannual/" + MultiYearWorld.S1_2034, "/api/reports/annual/2034")) {
            for (String format : FORMATS) {
                Response slice = given().auth().oauth2(head).queryParam("format", format).get(report);
                softly.assertThat(slice.statusCode()).as(report + " as " + format + " to JL07's head").isEqualTo(200);
                String text = text(slice);
                // JL07's own account is there: the slice is read, not empty.
                softly.assertThat(text).as(report + " as " + format + " shows JL07's account").contains("INEChiapas");
                for (String outside : OUTSIDE_JL07) {
                    softly.assertThat(text).as(report + " as " + format + " names nothing outside JL07").doesNotContain(outside);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldProbeEveryOperationThatTakesAnIdOrSayWhyNot() {
        new ObjectLevelProbes()
                .probing("GET /api/reports/trends/accounts/{accountId}")
                .probing("GET /api/reports/semiannual/{cycle}")
                .probing("GET /api/reports/annual/{year}")
                .expectEveryOperationAccountedFor(Map.of(
                        "GET /api/registry/accounts/{id}", "The registry projection is read only by CNCS and integration, who "
                                + "see every account (InventoryProjectionTest; the role matrix proves the 403 to everybody else).",
                        "GET /api/operations/rebuilds/{id}", "A read-model rebuild is an operator's (CNCS) act on the service "
                                + "itself, of no area; the role matrix proves the 403 to everybody else.",
                        "POST /api/operations/dead-letters/{id}/replay", "Dead letters are an operator's (CNCS) records of the "
                                + "service itself, of no area; the role matrix proves the 403 to everybody else."));
    }

    /** The text of a report as downloaded: JSON as it is, every file of a zip (CSV, XLSX) together, a PDF's text. */
    private static String text(Response response) throws IOException {
        byte[] body = response.asByteArray();
        String type = String.valueOf(response.contentType());
        if (type.startsWith("application/pdf")) {
            try (PDDocument document = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(document);
            }
        }
        if (type.startsWith("application/zip") || type.contains("spreadsheetml")) {
            StringBuilder all = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
            return all.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
