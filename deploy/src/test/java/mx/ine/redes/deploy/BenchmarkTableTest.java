package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTableTest {

    /** Lines as BenchmarkFigures writes them: section, what, value, unit, reference, its name, target, met. */
    private static final String FIGURES = String.join("\n",
            "Intake\tintake (a)\t850.000\tsubmissions/s\t1000.000\tbare endpoint (b)\t≥ 70 % of (b)\tyes",
            "Intake\tp99 at 400/s\t12.340\tms\t\t\t\t",
            "Deadlines\t100,000 due at once: time to fire all\t72.500\ts\t\t\t< 60 s\tno",
            "Intake\tbare endpoint (b)\t1000.000\treq/s\t2500.000\tdatabase alone (c)\t\t",
            "a line cut short\t1.0",
            "");

    @TempDir
    Path directory;

    private BenchmarkTable.Figures read() throws IOException {
        Path tsv = directory.resolve("figures.tsv");
        Files.writeString(tsv, FIGURES, StandardCharsets.UTF_8);
        return BenchmarkTable.read(tsv);
    }

    @Test
    void shouldGroupTheFiguresBySectionInTheOrderSectionsFirstAppear() throws IOException {
        assertThat(read().figures()).extracting(BenchmarkTable.Figure::what)
                .containsExactly("intake (a)", "p99 at 400/s", "bare endpoint (b)", "100,000 due at once: time to fire all");
    }

    @Test
    void shouldPrintEachFigureWithItsReferenceAndTheRatioOfValueToReference() throws IOException {
        String markdown = BenchmarkTable.markdown(read().figures(), "Benchmarks of today");
        // 850 / 1,000 = 85.0 %; 1,000 / 2,500 = 40.0 %; no reference, no ratio.
        assertThat(markdown).startsWith("Benchmarks of today\n\n| Section | What | Value | Reference (same run) | Ratio | Target | Met |\n")
                .contains("| Intake | intake (a) | 850 submissions/s | bare endpoint (b): 1,000 submissions/s | 85.0 % | ≥ 70 % of (b) | yes |\n")
                .contains("| Intake | p99 at 400/s | 12.3 ms |  |  |  |  |\n")
                .contains("| Intake | bare endpoint (b) | 1,000 req/s | database alone (c): 2,500 req/s | 40.0 % |  |  |\n")
                .contains("| Deadlines | 100,000 due at once: time to fire all | 72.5 s |  |  | < 60 s | no |\n");
    }

    @Test
    void shouldAlignTheTextTableAndNameASectionOnlyOnItsFirstRow() throws IOException {
        String[] lines = BenchmarkTable.text(read().figures()).split("\n");
        assertThat(lines[0]).startsWith("Section    What");
        assertThat(lines[2]).startsWith("Intake     intake (a)");
        assertThat(lines[3]).startsWith("           p99 at 400/s");
        assertThat(lines[5]).as("a blank line between sections").isEmpty();
        assertThat(lines[6]).startsWith("Deadlines  100,000 due at once");
        // The value column is right-aligned: both values end at the same column.
        assertThat(lines[2].indexOf("850 submissions/s") + "850 submissions/s".length())
                .isEqualTo(lines[3].indexOf("12.3 ms") + "12.3 ms".length());
    }

    @Test
    void shouldNameEveryTargetNotMetAndEveryUnreadableLineInTheSummary() throws IOException {
        String summary = BenchmarkTable.summary(read());
        assertThat(summary).startsWith("4 figures; 1 of the 2 with a target met it.")
                .contains("NOT MET: Deadlines / 100,000 due at once: time to fire all: 72.5 s (target < 60 s)")
                .contains("UNREADABLE line 5: 2 columns instead of 8");
    }

    @Test
    void shouldNameTheDateTheCoresAndTheJvmInTheHeading() {
        String heading = BenchmarkTable.heading(Instant.parse("2026-12-01T22:05:00Z"));
        assertThat(heading).startsWith("Benchmarks of 2026-12-01 22:05 UTC on " + Runtime.getRuntime().availableProcessors() + " cores (")
                .contains(" memory, ").contains("JVM ").contains(Runtime.version().toString());
    }
}
