package mx.ine.redes.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the dashboard writes time left and instants: cut to what a person acts on, in Mexico City time. */
class DashboardFormatsTest {

    @Test
    void shouldCutTimeLeftToWholeDaysAndHoursOrHoursAndMinutes() {
        assertThat(DashboardFormats.left(Duration.ofHours(30).plusMinutes(59))).isEqualTo("1 d 6 h");
        assertThat(DashboardFormats.left(Duration.ofHours(48).plusSeconds(1))).isEqualTo("2 d 0 h");
        assertThat(DashboardFormats.left(Duration.ofHours(5).plusMinutes(20).plusSeconds(59))).isEqualTo("5 h 20 min");
        assertThat(DashboardFormats.left(Duration.ofSeconds(59))).isEqualTo("0 min");
        assertThat(DashboardFormats.left(null)).isEqualTo("sin plazo");
    }

    @Test
    void shouldSayHowLongAgoATermPassed() {
        assertThat(DashboardFormats.left(Duration.ofHours(-51).minusMinutes(30))).isEqualTo("vencida hace 2 d 3 h");
        assertThat(DashboardFormats.left(Duration.ofMinutes(-5))).isEqualTo("vencida hace 5 min");
    }

    @Test
    void shouldWriteInstantsInMexicoCityTime() {
        // Mexico City keeps UTC-6 all year since 2022.
        assertThat(DashboardFormats.local(Instant.parse("2028-01-15T15:30:00Z"))).isEqualTo("15 ene 2028, 09:30");
        assertThat(DashboardFormats.local(Instant.parse("2027-07-01T05:59:00Z"))).isEqualTo("30 jun 2027, 23:59");
        assertThat(DashboardFormats.local(null)).isEqualTo("—");
        assertThat(DashboardFormats.day(LocalDate.of(2032, 12, 31))).isEqualTo("31 dic 2032");
    }

    @Test
    void shouldNameAccountsAndLevelsAsTheReportsDo() {
        assertThat(DashboardFormats.account("FACEBOOK", "INEChiapas")).isEqualTo("Facebook @INEChiapas");
        assertThat(DashboardFormats.account("X", null)).isEqualTo("—");
        assertThat(DashboardFormats.levelName("DISTRICT")).isEqualTo("Junta distrital ejecutiva");
        assertThat(DashboardFormats.levelName("UNKNOWN")).isEqualTo("—");
    }
}
