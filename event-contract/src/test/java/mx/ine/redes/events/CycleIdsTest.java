package mx.ine.redes.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CycleIdsTest {

    @Test
    void shouldNameThePreviousSemester() {
        assertThat(CycleIds.previous("2026-S1")).contains("2025-S2");
        assertThat(CycleIds.previous("2026-S2")).contains("2026-S1");
        assertThat(CycleIds.previous("2026-S3")).isEmpty();
        assertThat(CycleIds.previous("T-ABC")).isEmpty();
        assertThat(CycleIds.previous(null)).isEmpty();
    }
}
