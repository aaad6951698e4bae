package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.reporting.MultiYearWorld.S1_2034;
import static mx.ine.redes.reporting.MultiYearWorld.S1_2035;
import static mx.ine.redes.reporting.MultiYearWorld.S2_2034;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.TrendReport;
import mx.ine.redes.reporting.report.TrendReport.Point;
import mx.ine.redes.reporting.service.Trends;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Multi-year trends over {@link MultiYearWorld} (2034-S1, 2034-S2, 2035-S1): every series by hand, growth, the roles. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsTest {

    @Inject
    Trends trends;

    MultiYearWorld world;

    @BeforeAll
    void buildTheWorld() {
        world = new MultiYearWorld().build();
    }

    static Point point(String cycle, long accounts, long followers, long posts, long impressions, Long growth, String percent,
                       long evaluated, String meanScore) {
        return new Point(cycle, accounts, followers, posts, impressions, growth, percent == null ? null : new BigDecimal(percent),
                evaluated, meanScore == null ? null : new BigDecimal(meanScore));
    }

    static Point none(String cycle) {
        return point(cycle, 0, 0, 0, 0, null, null, 0, null);
    }

    private TrendReport all(Trends.Grouping grouping, String from, String to) {
        return trends.byGroup(grouping, from, to, accountColumn -> Restriction.all());
    }

    @Test
    void shouldSeriesEachNetworkAcrossTheCyclesWithGrowthOverTheAccountsInBoth() {
        TrendReport report = all(Trends.Grouping.NETWORK, null, null);
        assertThat(report.by()).isEqualTo("network");
        assertThat(report.cycles()).extracting(AnnualReport.CycleColumn::cycleId).containsExactly(S1_2034, S2_2034, S1_2035);
        assertThat(report.heading().reference()).isEqualTo("INE/CNCS/TE/red/2034-S1/2035-S1");
        assertThat(report.heading().asOf()).isEqualTo(world.world.latestOccurredAt());
        assertThat(report.series()).extracting(TrendReport.Series::key, TrendReport.Series::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FACEBOOK", "Facebook"), org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "Instagram"),
                org.assertj.core.groups.Tuple.tuple("X", "X"));
        // Facebook: a2 and a4; a4 skipped 2034-S2, so each growth counts a2 alone.
        assertThat(report.series().get(0).points()).containsExactly(
                point(S1_2034, 2, 2150, 60, 3200, null, null, 2, "55.0"),
                point(S2_2034, 1, 1900, 60, 3500, -100L, "-5.0", 1, "74.0"),
                point(S1_2035, 2, 2270, 82, 4260, 200L, "10.5", 1, "55.0"));
        // Instagram: a6, registered in 2035.
        assertThat(report.series().get(1).points()).containsExactly(none(S1_2034), none(S2_2034),
                point(S1_2035, 1, 90, 15, 120, null, null, 1, "50.0"));
        // X: a1 (its 2034-S2 correction counts), a3, and a5 until its baja.
        assertThat(report.series().get(2).points()).containsExactly(
                point(S1_2034, 3, 1380, 125, 5700, null, null, 3, "60.0"),
                point(S2_2034, 2, 1480, 155, 7200, 180L, "13.8", 2, "78.5"),
                point(S1_2035, 2, 1660, 170, 7800, 180L, "12.2", 2, "82.5"));
    }

    @Test
    void shouldSeriesEachLevel() {
        TrendReport report = all(Trends.Grouping.LEVEL, null, null);
        assertThat(report.series()).extracting(TrendReport.Series::key).containsExactly("CENTRAL", "DISTRICT", "LOCAL");
        assertThat(report.series().get(0).label()).isEqualTo("Oficinas centrales");
        assertThat(report.series().get(0).points()).containsExactly(
                point(S1_2034, 2, 3000, 150, 8000, null, null, 2, "80.0"),
                point(S2_2034, 2, 3050, 190, 10000, 50L, "1.7", 2, "83.0"),
                point(S1_2035, 2, 3400, 210, 11000, 350L, "11.5", 1, "94.0"));
        assertThat(report.series().get(1).points()).containsExactly(
                point(S1_2034, 1, 150, 10, 200, null, null, 1, "40.0"), none(S2_2034),
                point(S1_2035, 1, 170, 12, 260, null, null, 1, "55.0"));
        assertThat(report.series().get(2).points()).containsExactly(
                point(S1_2034, 2, 380, 25, 700, null, null, 2, "45.0"),
                point(S2_2034, 1, 330, 25, 700, 30L, "10.0", 1, "65.0"),
                point(S1_2035, 2, 450, 45, 920, 30L, "9.1", 2, "60.5"));
    }

    @Test
    void shouldSeriesEachAreaBetweenTheCyclesAskedFor() {
        TrendReport report = all(Trends.Grouping.AREA, S2_2034, S1_2035);
        assertThat(report.cycles()).extracting(AnnualReport.CycleColumn::cycleId).containsExactly(S2_2034, S1_2035);
        assertThat(report.heading().reference()).isEqualTo("INE/CNCS/TE/area/2034-S2/2035-S1");
        assertThat(report.series()).extracting(TrendReport.Series::key).containsExactly("CEN", "JD0901", "JL07", "JL09");
        assertThat(report.series().get(3).label()).isEqualTo(MultiYearWorld.JL09.name());
        // The first cycle of the range has no growth: its previous cycle is not shown.
        assertThat(report.series().get(3).points()).containsExactly(
                point(S2_2034, 1, 330, 25, 700, null, null, 1, "65.0"),
                point(S1_2035, 1, 360, 30, 800, 30L, "9.1", 1, "71.0"));
        assertThat(report.series().get(2).points()).containsExactly(none(S2_2034),
                point(S1_2035, 1, 90, 15, 120, null, null, 1, "50.0"));
    }

    @Test
    void shouldSeriesOneAccount() {
        TrendReport report = trends.ofAccount(world.a1, null, null, accountColumn -> Restriction.all());
        assertThat(report.by()).isEqualTo("account");
        assertThat(report.heading().reference()).isEqualTo("INE/CNCS/TE/cuenta/INEMexico/2034-S1/2035-S1");
        assertThat(report.series()).singleElement().satisfies(series -> {
            assertThat(series.key()).isEqualTo(world.a1.toString());
            assertThat(series.label()).isEqualTo("INEMexico (X)");
            assertThat(series.points()).containsExactly(
                    point(S1_2034, 1, 1000, 100, 5000, null, null, 1, "90.0"),
                    point(S2_2034, 1, 1150, 130, 6500, 150L, "15.0", 1, "92.0"),
                    point(S1_2035, 1, 1300, 140, 7000, 150L, "13.0", 1, "94.0"));
        });
    }

    @Test
    void shouldLetTheReadersSeeEveryTrendAndRefuseBadParametersNamingThem() {
        for (String role : List.of(Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION)) {
            given().auth().oauth2(TestTokens.forRole(role)).get("/api/reports/trends?by=level")
                    .then().statusCode(200).body("series.key", equalTo(List.of("CENTRAL", "DISTRICT", "LOCAL")));
        }
        String cncs = TestTokens.forRole(Roles.CNCS);
        given().auth().oauth2(cncs).get("/api/reports/trends").then().statusCode(200).body("by", equalTo("network"));
        given().auth().oauth2(cncs).get("/api/reports/trends?by=hashtag")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].parameter", equalTo("by"));
        given().auth().oauth2(cncs).get("/api/reports/trends?from=2099-S1")
                .then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        given().auth().oauth2(cncs).get("/api/reports/trends?to=2099-S1")
                .then().statusCode(400).body("errors[0].parameter", equalTo("to"));
        given().auth().oauth2(cncs).get("/api/reports/trends?from=2035-S1&to=2034-S1")
                .then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        given().auth().oauth2(cncs).get("/api/reports/trends/accounts/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldShowAnAdministratorOnlyTheSeriesOfTheAccountsTheyAdminister() {
        String admin = TestTokens.forPerson("admin1@ine.mx", Set.of(Roles.ACCOUNT_ADMIN), Map.of());
        given().auth().oauth2(admin).get("/api/reports/trends/accounts/" + world.a1)
                .then().statusCode(200).body("series[0].points.followers", equalTo(List.of(1000, 1150, 1300)));
        given().auth().oauth2(admin).get("/api/reports/trends/accounts/" + world.a2)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/reports/trends?by=network").then().statusCode(403);
        String otherAdmin = TestTokens.forPerson("admin3@ine.mx", Set.of(Roles.ACCOUNT_ADMIN), Map.of());
        given().auth().oauth2(otherAdmin).get("/api/reports/trends/accounts/" + world.a3)
                .then().statusCode(200).body("series[0].label", equalTo("INECDMX (X)"));
        given().auth().oauth2(otherAdmin).get("/api/reports/trends/accounts/" + world.a1).then().statusCode(404);
    }

    @Test
    void shouldGiveAnAreaHeadTheSeriesOfTheirSubtree() {
        String head = TestTokens.forPerson("jl09@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());
        // JL09 heads a3 (X) and, below it in JD0901, a4 (Facebook).
        given().auth().oauth2(head).get("/api/reports/trends?by=network")
                .then().statusCode(200)
                .body("series.key", equalTo(List.of("FACEBOOK", "X")))
                .body("series[0].points.followers", equalTo(List.of(150, 0, 170)))
                .body("series[1].points.followers", equalTo(List.of(300, 330, 360)))
                .body("series[1].points.meanScore", equalTo(List.of(60.0f, 65.0f, 71.0f)));
        given().auth().oauth2(head).get("/api/reports/trends?by=area")
                .then().statusCode(200).body("series.key", equalTo(List.of("JD0901", "JL09")));
        given().auth().oauth2(head).get("/api/reports/trends/accounts/" + world.a4).then().statusCode(200);
        given().auth().oauth2(head).get("/api/reports/trends/accounts/" + world.a1).then().statusCode(404);
    }

    @Test
    void shouldDownloadTheTrendsInEachFormatNamedAfterTheirGrouping() throws IOException {
        String committee = TestTokens.forRole(Roles.COMMITTEE);
        Response xlsx = given().auth().oauth2(committee).get("/api/reports/trends?by=network&format=xlsx").andReturn();
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).isEqualTo("attachment; filename=\"tendencias-por-red.xlsx\"");

        Response zip = given().auth().oauth2(committee).accept("text/csv").get("/api/reports/trends?by=level").andReturn();
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition")).contains("tendencias-por-nivel-csv.zip");
        List<String> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.add(entry.getName());
            }
        }
        assertThat(files).containsExactly("01-resumen.csv", "02-ciclos.csv", "03-series-por-ciclo.csv", "04-seguidores-por-ciclo.csv",
                "05-crecimiento-de-seguidores.csv", "06-crecimiento-de-seguidores-pct.csv", "07-publicaciones-por-ciclo.csv",
                "08-puntaje-promedio-por-ciclo.csv");

        Response pdf = given().auth().oauth2(committee).get("/api/reports/trends?by=area&format=pdf").andReturn();
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("tendencias-por-area.pdf");
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "report-render"))
                .resolve("tendencias-por-area.pdf"), pdf.asByteArray());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.asByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Oficio Núm. INE/CNCS/TE/area/2034-S1/2035-S1", "Tendencias por área",
                    "Área: " + MultiYearWorld.JL09.name(), "Gráfica 1. Crecimiento de seguidores a lo largo de los ciclos");
        }

        Response account = given().auth().oauth2(committee).get("/api/reports/trends/accounts/" + world.a1 + "?format=pdf").andReturn();
        assertThat(account.header("Content-Disposition")).contains("tendencias-de-la-cuenta-" + world.a1 + ".pdf");
    }
}
