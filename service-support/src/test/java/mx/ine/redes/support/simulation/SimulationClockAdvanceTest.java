package mx.ine.redes.support.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import mx.ine.redes.support.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Where an advance of the simulation clock lands, and which ones are refused (400 naming {@code duration}). */
class SimulationClockAdvanceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T11:00:00Z");

    @Test
    void shouldAcceptIsoPeriodsWithYearsMonthsAndDays() {
        assertThat(SimulationClockResource.target(NOW, "P1Y")).isEqualTo(Instant.parse("2027-12-01T11:00:00Z"));
        assertThat(SimulationClockResource.target(NOW, "P2M")).isEqualTo(Instant.parse("2027-02-01T11:00:00Z"));
        assertThat(SimulationClockResource.target(NOW, "P15D")).isEqualTo(Instant.parse("2026-12-16T11:00:00Z"));
        assertThat(SimulationClockResource.target(NOW, "P1W")).isEqualTo(Instant.parse("2026-12-08T11:00:00Z"));
        assertThat(SimulationClockResource.target(NOW, "P1M2DT3H")).isEqualTo(Instant.parse("2027-01-03T14:00:00Z"));
    }

    @Test
    void shouldAcceptIsoDurations() {
        assertThat(SimulationClockResource.target(NOW, "PT1H")).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(SimulationClockResource.target(NOW, "PT16H")).isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(SimulationClockResource.target(NOW, "PT1.5S")).isEqualTo(Instant.parse("2026-12-01T11:00:01.500Z"));
        assertThat(SimulationClockResource.target(NOW, " pt90m ")).isEqualTo(Instant.parse("2026-12-01T12:30:00Z"));
    }

    @Test
    void shouldRefuseMoreThanAYearPerCall() {
        refused(() -> SimulationClockResource.target(NOW, "P99999999D"), "A lo más un año por llamada");
        refused(() -> SimulationClockResource.target(NOW, "P366D"), "A lo más un año por llamada");
        refused(() -> SimulationClockResource.target(NOW, "P1Y1D"), "A lo más un año por llamada");
        refused(() -> SimulationClockResource.target(NOW, "PT8761H"), "A lo más un año por llamada");
        refused(() -> SimulationClockResource.target(NOW, "P999999999999999999999Y"), "A lo más un año por llamada");
    }

    @Test
    void shouldRefuseNegativeZeroAndMalformedAmounts() {
        refused(() -> SimulationClockResource.target(NOW, "-PT1H"), "No es una duración ISO-8601");
        refused(() -> SimulationClockResource.target(NOW, "P-1D"), "No es una duración ISO-8601");
        refused(() -> SimulationClockResource.target(NOW, "PT0S"), "El reloj solo avanza");
        refused(() -> SimulationClockResource.target(NOW, "P"), "No es una duración ISO-8601");
        refused(() -> SimulationClockResource.target(NOW, "PT"), "No es una duración ISO-8601");
        refused(() -> SimulationClockResource.target(NOW, "una hora"), "No es una duración ISO-8601");
        refused(() -> SimulationClockResource.target(NOW, null), "No es una duración ISO-8601");
    }

    @Test
    void shouldNeverGoPastTheLastSupportedYear() {
        Instant lateIn2200 = Instant.parse("2200-12-01T00:00:00Z");
        assertThat(SimulationClockResource.target(lateIn2200, "P30D")).isEqualTo(Instant.parse("2200-12-31T00:00:00Z"));
        refused(() -> SimulationClockResource.target(lateIn2200, "P31D"), "no puede pasar de 2200");
    }

    private static void refused(ThrowingCallable call, String spanish) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("duration");
                assertThat(violation.message().es()).contains(spanish);
                assertThat(violation.message().en()).isNotBlank().doesNotContain(spanish);
            });
        });
    }
}
