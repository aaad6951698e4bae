package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mx.ine.redes.reporting.ReportWorld.Area;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The semi-annual report over HTTP in each format: chosen by {@code ?format=} or Accept, named for download. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDocumentsTest {

    static final String CYCLE = "2033-S1";
    static final Area AREA = new Area("JL30", "Junta Local Ejecutiva en Veracruz", "LOCAL", "jl30@ine.mx", List.of());

    final ReportWorld world = new ReportWorld();

    @BeforeAll
    void aCycleWithOneSubmission() {
        UUID account = world.account(AREA, "X", "INEVeracruz", LocalDate.of(2030, 2, 1), List.of("redes.jl30@ine.mx"));
        world.cycle(CYCLE, LocalDate.of(2033, 1, 1), LocalDate.of(2033, 6, 30), 1);
        UUID request = world.request(account, CYCLE, AREA);
        world.submission(request, account, CYCLE, "X", 1, 812, 190_455, 3_201_554, Map.of("#VotoVeracruz", 41L), Map.of(), Map.of());
        world.awaitApplied(Duration.ofSeconds(60));
    }

    @Test
    void shouldAnswerThePdfWithItsFileNameWhenAskedByParameter() {
        Response pdf = report("?format=pdf", "*/*");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("informe-semestral-2033-S1.pdf");
        assertThat(new String(pdf.asByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void shouldAnswerTheCsvTablesZippedAndTheWorkbookByAccept() throws IOException {
        Response zip = report("", "text/csv");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition")).contains("informe-semestral-2033-S1-csv.zip");
        List<String> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.add(entry.getName());
            }
        }
        assertThat(files).contains("01-resumen.csv").hasSize(24);

        Response xlsx = report("", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("informe-semestral-2033-S1.xlsx");
        assertThat(xlsx.asByteArray()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void shouldAnswerJsonByDefault() {
        Response json = report("", "*/*");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.jsonPath().getString("heading.cycleId")).isEqualTo(CYCLE);
        assertThat(json.jsonPath().getLong("statistics.accountsReporting")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownFormatNamingTheParameter() {
        Response refused = report("?format=docx", "*/*");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("errors[0].parameter")).isEqualTo("format");
    }

    @Test
    void shouldRefuseAnAcceptNoFormatMeets() {
        Response refused = report("", "application/xml");

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private Response report(String query, String accept) {
        return given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).accept(accept)
                .get("/api/reports/semiannual/" + CYCLE + query).andReturn();
    }
}
