package mx.ine.redes.reporting.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import mx.ine.redes.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReportFormatNegotiationTest {

    @Test
    void shouldAnswerJsonWhenNothingIsAsked() {
        assertThat(ReportFormatNegotiation.choose(null, null)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormatNegotiation.choose("", "*/*")).isEqualTo(ReportFormat.JSON);
    }

    @Test
    void shouldLetTheFormatParameterWinOverAccept() {
        assertThat(ReportFormatNegotiation.choose("pdf", "application/json")).isEqualTo(ReportFormat.PDF);
        assertThat(ReportFormatNegotiation.choose("XLSX", "application/pdf")).isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormatNegotiation.choose("csv", "text/html")).isEqualTo(ReportFormat.CSV);
    }

    @Test
    void shouldFollowAcceptByQualityThenOrder() {
        assertThat(ReportFormatNegotiation.choose(null, "application/pdf")).isEqualTo(ReportFormat.PDF);
        assertThat(ReportFormatNegotiation.choose(null, "text/csv")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormatNegotiation.choose(null, "application/zip")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormatNegotiation.choose(null,
                "application/json;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormatNegotiation.choose(null, "text/html, application/pdf, */*;q=0.1")).isEqualTo(ReportFormat.PDF);
        assertThat(ReportFormatNegotiation.choose(null, "application/pdf, application/json")).isEqualTo(ReportFormat.PDF);
    }

    @Test
    void shouldRefuseAnUnknownFormatParameterWith400NamingIt() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> ReportFormatNegotiation.choose("docx", "application/pdf"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.parameter()).isEqualTo("format");
            assertThat(violation.message().es()).contains("«docx»", "json, csv, xlsx o pdf");
            assertThat(violation.message().en()).contains("'docx'");
        });
    }

    @Test
    void shouldAnswer406NamingTheFormatParameterWhenAcceptAllowsNoFormat() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> ReportFormatNegotiation.choose(null, "text/html, image/png"));

        assertThat(problem.status()).isEqualTo(406);
        assertThat(problem.violations()).singleElement().satisfies(violation -> assertThat(violation.parameter()).isEqualTo("format"));
    }
}
