package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.reporting.MultiYearWorld.CEN;
import static mx.ine.redes.reporting.MultiYearWorld.JD0901;
import static mx.ine.redes.reporting.MultiYearWorld.JL07;
import static mx.ine.redes.reporting.MultiYearWorld.JL09;
import static mx.ine.redes.reporting.MultiYearWorld.S1_2034;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.service.AnnualReports;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The annual consolidation of 2034 ({@link MultiYearWorld}: two cycles that year, one in 2035), every section by hand. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTest {

    @Inject
    AnnualReports annual;

    MultiYearWorld world;

    @BeforeAll
    void buildTheWorld() {
        world = new MultiYearWorld().build();
    }

    static Map<String, Long> figures(long posts, long followers, long impressions) {
        return Map.of("posts", posts, "followers", followers, "impressions", impressions);
    }

    static List<Count> ratings(long pertinent, long withRecommendations, long notPertinent) {
        return List.of(new Count("PERTINENT", "Pertinente (se mantiene)", pertinent),
                new Count("PERTINENT_WITH_RECOMMENDATIONS", "Pertinente con recomendaciones", withRecommendations),
                new Count("NOT_PERTINENT", "No pertinente (se propone su baja)", notPertinent));
    }

    static List<Count> statuses(long pending, long attended, long notAttended) {
        return List.of(new Count("PENDING", "Pendiente", pending), new Count("ATTENDED", "Atendida", attended),
                new Count("NOT_ATTENDED", "No atendida", notAttended));
    }

    @Test
    void shouldHeadTheYearWithItsReferenceAndTheCyclesOfTheYearInPeriodOrder() {
        AnnualReport report = annual.build(2034);
        assertThat(report.heading().reference()).isEqualTo("INE/CNCS/RA/2034");
        assertThat(report.heading().year()).isEqualTo(2034);
        assertThat(report.heading().periodStart()).isEqualTo(LocalDate.of(2034, 1, 1));
        assertThat(report.heading().periodEnd()).isEqualTo(LocalDate.of(2034, 12, 31));
        assertThat(report.heading().asOf()).isEqualTo(world.world.latestOccurredAt());
        assertThat(report.cycles()).containsExactly(
                new AnnualReport.CycleColumn(S1_2034, LocalDate.of(2034, 1, 1), LocalDate.of(2034, 6, 30)),
                new AnnualReport.CycleColumn(S2_2034, LocalDate.of(2034, 7, 1), LocalDate.of(2034, 12, 31)));
        assertThat(annual.build(2035).cycles()).extracting(AnnualReport.CycleColumn::cycleId).containsExactly("2035-S1");
    }

    @Test
    void shouldCountTheInventoryAsItStoodAtTheYearsEndWithTheYearsRegistrationsAndBajas() {
        SemiannualReport.Inventory inventory = annual.build(2034).inventory();
        // a6 was registered in 2035: not yet in 2034's inventory; a5 was registered and decommissioned in 2034.
        assertThat(inventory.total()).isEqualTo(5);
        assertThat(inventory.byLevel()).containsExactly(new Count("CENTRAL", "Oficinas centrales", 2),
                new Count("DISTRICT", "Junta distrital ejecutiva", 1), new Count("LOCAL", "Junta local ejecutiva", 2));
        assertThat(inventory.byNetwork()).containsExactly(new Count("FACEBOOK", "Facebook", 2), new Count("X", "X", 3));
        assertThat(inventory.byArea()).containsExactly(new Count("CEN", CEN.name(), 2), new Count("JD0901", JD0901.name(), 1),
                new Count("JL07", JL07.name(), 1), new Count("JL09", JL09.name(), 1));
        assertThat(inventory.byStatus()).containsExactly(new Count("ACTIVE", "Activa", 4),
                new Count("DECOMMISSIONED", "Dada de baja", 1));
        assertThat(inventory.registered()).singleElement().satisfies(dated -> {
            assertThat(dated.account().accountId()).isEqualTo(world.a5);
            assertThat(dated.on()).isEqualTo(LocalDate.of(2034, 3, 10));
        });
        assertThat(inventory.decommissioned()).singleElement().satisfies(dated -> {
            assertThat(dated.account().accountId()).isEqualTo(world.a5);
            assertThat(dated.on()).isEqualTo(LocalDate.of(2034, 11, 20));
            assertThat(dated.reason()).isEqualTo("Baja por no pertinente");
            assertThat(dated.observations()).isEqualTo("Calificación no pertinente en 2034-S1");
        });
        assertThat(inventory.permanence()).extracting(dated -> dated.account().accountId(), SemiannualReport.Dated::on,
                        SemiannualReport.Dated::reason, SemiannualReport.Dated::observations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(world.a4, LocalDate.of(2034, 5, 2), "Cuenta distrital activa", ""),
                        org.assertj.core.groups.Tuple.tuple(world.a2, LocalDate.of(2034, 12, 10),
                                "Cuenta activa con audiencia nacional", "Revisada por la CNCS"));
        SemiannualReport.Inventory next = annual.build(2035).inventory();
        assertThat(next.permanence()).extracting(dated -> dated.account().accountId()).containsExactly(world.a1);
        assertThat(next.total()).isEqualTo(6);
        assertThat(next.byStatus()).containsExactly(new Count("ACTIVE", "Activa", 5), new Count("DECOMMISSIONED", "Dada de baja", 1));
        assertThat(next.registered()).extracting(dated -> dated.account().accountId()).containsExactly(world.a6);
        assertThat(next.decommissioned()).isEmpty();
    }

    @Test
    void shouldPutEachCyclesTotalsSideBySideAndAddFlowsButNotFollowersForTheYear() {
        AnnualReport.Statistics statistics = annual.build(2034).statistics();
        assertThat(statistics.perCycle()).extracting(AnnualReport.CycleStatistics::cycleId,
                AnnualReport.CycleStatistics::accountsRequested, AnnualReport.CycleStatistics::accountsReporting)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(S1_2034, 5L, 5L), org.assertj.core.groups.Tuple.tuple(S2_2034, 4L, 3L));
        assertThat(statistics.perCycle().get(0).totals()).containsExactly(
                new SemiannualReport.Totals("Facebook", "Junta distrital ejecutiva", 1, figures(10, 150, 200), Map.of()),
                new SemiannualReport.Totals("Facebook", "Oficinas centrales", 1, figures(50, 2000, 3000), Map.of()),
                new SemiannualReport.Totals("X", "Junta local ejecutiva", 2, figures(25, 380, 700), Map.of()),
                new SemiannualReport.Totals("X", "Oficinas centrales", 1, figures(100, 1000, 5000), Map.of()));
        assertThat(statistics.perCycle().get(1).totals()).containsExactly(
                new SemiannualReport.Totals("Facebook", "Oficinas centrales", 1, figures(60, 1900, 3500), figures(50, 2000, 3000)),
                new SemiannualReport.Totals("X", "Junta local ejecutiva", 1, figures(25, 330, 700), figures(20, 300, 600)),
                new SemiannualReport.Totals("X", "Oficinas centrales", 1, figures(130, 1150, 6500), figures(100, 1000, 5000)));
        // Posts and impressions add up over the year; followers are those of the line's last cycle.
        assertThat(statistics.year()).containsExactly(
                new AnnualReport.YearTotals("Facebook", "Junta distrital ejecutiva", 1, figures(10, 150, 200)),
                new AnnualReport.YearTotals("Facebook", "Oficinas centrales", 1, figures(110, 1900, 6500)),
                new AnnualReport.YearTotals("X", "Junta local ejecutiva", 2, figures(50, 330, 1400)),
                new AnnualReport.YearTotals("X", "Oficinas centrales", 1, figures(230, 1150, 11500)));
    }

    @Test
    void shouldGiveTheRatingDistributionPerCycleAndForTheYear() {
        AnnualReport.Evaluation evaluation = annual.build(2034).evaluation();
        assertThat(evaluation.perCycle()).containsExactly(
                new AnnualReport.CycleEvaluation(S1_2034, 5, 1, 0, ratings(1, 2, 2)),
                new AnnualReport.CycleEvaluation(S2_2034, 3, 0, 0, ratings(1, 2, 0)));
        assertThat(evaluation.year()).isEqualTo(new AnnualReport.CycleEvaluation("2034", 8, 1, 0, ratings(2, 4, 2)));
    }

    @Test
    void shouldCountObservationsEscalationsAndCommitteeItemsPerCycleAndForTheYear() {
        AnnualReport report = annual.build(2034);
        AnnualReport.Compliance compliance = report.compliance();
        assertThat(compliance.perCycle()).containsExactly(
                new AnnualReport.ComplianceLine(S1_2034, 2, 1, 0, 1, 1, 1, 1, 1),
                new AnnualReport.ComplianceLine(S2_2034, 1, 0, 1, 0, 0, 0, 0, 1));
        assertThat(compliance.year()).isEqualTo(new AnnualReport.ComplianceLine("2034", 3, 1, 1, 1, 1, 1, 1, 2));
        assertThat(compliance.observationsByArea()).containsExactly(
                new SemiannualReport.AreaObservations("CEN", CEN.name(), 1, 0, 1, 0),
                new SemiannualReport.AreaObservations("JD0901", JD0901.name(), 1, 0, 0, 1),
                new SemiannualReport.AreaObservations("JL09", JL09.name(), 1, 1, 0, 0));
        assertThat(compliance.escalationsByArea()).containsExactly(
                new SemiannualReport.AreaEscalations("JD0901", JD0901.name(), 1, 1));
        assertThat(report.resolutions()).hasSize(2);
        assertThat(report.resolutions().get(0)).satisfies(first -> {
            assertThat(first.cycleId()).isEqualTo(S1_2034);
            assertThat(first.subjectKind()).isEqualTo("OBSERVATION");
            assertThat(first.subjectId()).isEqualTo(world.o2);
            assertThat(first.account().accountId()).isEqualTo(world.a4);
            assertThat(first.resolution()).isEqualTo(new SemiannualReport.Resolution(world.res1, "INSTRUCTED", "Instrucción",
                    "Se instruye a la Junta Distrital atender la observación", LocalDate.of(2034, 6, 10)));
        });
        assertThat(report.resolutions().get(1)).isEqualTo(new AnnualReport.CycleResolution(S2_2034, "REPORT", null, null,
                new SemiannualReport.Resolution(world.res2, "RECEIVED", "Se tiene por recibido", "Se tiene por recibido el informe",
                        LocalDate.of(2034, 12, 15))));
    }

    @Test
    void shouldListTheYearsTrainingsRecommendationsAndProposedBajas() {
        AnnualReport report = annual.build(2034);
        assertThat(report.trainings()).containsExactly(
                new SemiannualReport.Training(world.t1, LocalDate.of(2034, 3, 5), "Lineamientos de redes sociales",
                        new BigDecimal("2.5"), "Virtual", 2),
                new SemiannualReport.Training(world.t2, LocalDate.of(2034, 9, 10), "Métricas e informes", new BigDecimal("4"),
                        "Presencial", 3));
        AnnualReport.Recommendations recommendations = report.recommendations();
        assertThat(recommendations.byStatusPerCycle()).containsExactly(new AnnualReport.CycleCounts(S1_2034, statuses(0, 1, 0)),
                new AnnualReport.CycleCounts(S2_2034, statuses(1, 0, 0)));
        assertThat(recommendations.byStatusInYear()).isEqualTo(new AnnualReport.CycleCounts("2034", statuses(1, 1, 0)));
        assertThat(recommendations.items()).extracting(AnnualReport.CycleRecommendation::cycleId,
                item -> item.recommendation().recommendationId(), item -> item.recommendation().status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(S1_2034, world.r1, "ATTENDED"),
                        org.assertj.core.groups.Tuple.tuple(S2_2034, world.r2, "PENDING"));
        assertThat(report.proposedBajas()).singleElement().satisfies(proposal -> {
            assertThat(proposal.cycleId()).isEqualTo(S1_2034);
            assertThat(proposal.proposal().proposalId()).isEqualTo(world.p1);
            assertThat(proposal.proposal().account().accountId()).isEqualTo(world.a5);
            assertThat(proposal.proposal().overallScore()).isEqualTo(30);
            assertThat(proposal.proposal().status()).isEqualTo("DECIDED");
            assertThat(proposal.proposal().decidedOn()).isEqualTo(LocalDate.of(2034, 11, 20));
        });
    }

    @Test
    void shouldAnswerTheReadersAnd404ForAYearWithoutCyclesAnd400ForANonYear() {
        for (String role : List.of(Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION)) {
            given().auth().oauth2(TestTokens.forRole(role)).get("/api/reports/annual/2034")
                    .then().statusCode(200).body("heading.reference", equalTo("INE/CNCS/RA/2034"))
                    .body("inventory.total", equalTo(5)).body("compliance.year.observationsIssued", equalTo(3));
        }
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/reports/annual/2036")
                .then().statusCode(404).contentType("application/problem+json");
        for (String notAYear : List.of("20x4", "12345", "34")) {
            given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/reports/annual/" + notAYear)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].parameter", equalTo("year"));
        }
        given().auth().oauth2(TestTokens.forPerson("admin1@ine.mx", Set.of(Roles.ACCOUNT_ADMIN), Map.of()))
                .get("/api/reports/annual/2034").then().statusCode(403);
    }

    @Test
    void shouldGiveAnAreaHeadTheYearOfTheirSubtree() {
        String head = TestTokens.forPerson("jl09@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());
        // JL09 heads a3 and, below it in JD0901, a4.
        given().auth().oauth2(head).get("/api/reports/annual/2034")
                .then().statusCode(200)
                .body("inventory.total", equalTo(2))
                .body("inventory.permanence.account.handle", equalTo(List.of("INEJD0901")))
                .body("statistics.perCycle[0].totals.level", equalTo(List.of("Junta distrital ejecutiva", "Junta local ejecutiva")))
                .body("statistics.perCycle[0].totals.figures.followers", equalTo(List.of(150, 300)))
                .body("compliance.year.observationsIssued", equalTo(2))
                .body("compliance.year.committeeItems", equalTo(1))
                .body("resolutions.size()", equalTo(2))
                .body("proposedBajas.size()", equalTo(0))
                .body("trainings.size()", equalTo(2));
    }

    @Test
    void shouldDownloadTheYearAsPdfCsvAndXlsxNamedAfterIt() throws IOException {
        Response pdf = download("?format=pdf", "*/*");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"informe-anual-2034.pdf\"");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.asByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Oficio Núm. INE/CNCS/RA/2034", "Año 2034 · ciclos 2034-S1 y 2034-S2", "11,500", "INEChiapas");
        }
        assertThat(download("?format=pdf", "*/*").asByteArray()).as("the same events, the same bytes").isEqualTo(pdf.asByteArray());

        Response zip = download("", "text/csv");
        assertThat(zip.header("Content-Disposition")).contains("informe-anual-2034-csv.zip");
        List<String> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.add(entry.getName());
            }
        }
        assertThat(files).hasSize(22).startsWith("01-resumen.csv", "02-ciclos-del-ano.csv");

        Response xlsx = download("?format=xlsx", "*/*");
        assertThat(xlsx.header("Content-Disposition")).contains("informe-anual-2034.xlsx");
        assertThat(xlsx.asByteArray()).startsWith((byte) 'P', (byte) 'K');
    }

    private Response download(String query, String accept) {
        return given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).accept(accept)
                .get("/api/reports/annual/2034" + query).andReturn();
    }
}
