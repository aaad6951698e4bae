package mx.ine.redes.support.retention;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up refusal of a retention that would forget inbox ids too early. */
class RetentionJobTest {

    @Test
    void shouldRefuseAnInboxRetentionNotLongerThanTheOutboxRetention() {
        assertThatThrownBy(() -> RetentionJob.validate(Duration.ofDays(7), Duration.ofDays(7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INBOX_RETENTION");
        assertThatThrownBy(() -> RetentionJob.validate(Duration.ofDays(30), Duration.ofDays(7)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseANonPositiveOutboxRetention() {
        assertThatThrownBy(() -> RetentionJob.validate(Duration.ZERO, Duration.ofDays(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OUTBOX_RETENTION");
    }

    @Test
    void shouldAcceptTheDefaults() {
        assertThatCode(() -> RetentionJob.validate(Duration.parse("P7D"), Duration.parse("P30D")))
                .doesNotThrowAnyException();
    }
}
