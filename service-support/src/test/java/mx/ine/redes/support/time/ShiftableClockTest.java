package mx.ine.redes.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShiftableClockTest {

    private static final Instant MONDAY_NINE = Instant.parse("2026-07-06T15:00:00Z");

    @Test
    void shouldRunWithItsBaseClockUntilAdvanced() {
        ShiftableClock clock = new ShiftableClock(Clock.fixed(MONDAY_NINE, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(MONDAY_NINE);
        assertThat(clock.millis()).isEqualTo(MONDAY_NINE.toEpochMilli());
    }

    @Test
    void shouldAccumulateAdvancesAndReset() {
        ShiftableClock clock = new ShiftableClock(Clock.fixed(MONDAY_NINE, ZoneOffset.UTC));

        clock.advance(Duration.ofDays(10));
        clock.advance(Duration.ofHours(3));

        assertThat(clock.instant()).isEqualTo(MONDAY_NINE.plus(Duration.ofDays(10)).plus(Duration.ofHours(3)));
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(243));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(MONDAY_NINE);
    }

    @Test
    void shouldKeepTheOffsetWhenZoned() {
        ShiftableClock clock = new ShiftableClock(Clock.fixed(MONDAY_NINE, ZoneOffset.UTC));
        clock.advance(Duration.ofMinutes(90));

        Clock mexico = clock.withZone(ZoneId.of("America/Mexico_City"));

        assertThat(mexico.getZone()).isEqualTo(ZoneId.of("America/Mexico_City"));
        assertThat(mexico.instant()).isEqualTo(MONDAY_NINE.plus(Duration.ofMinutes(90)));
    }
}
