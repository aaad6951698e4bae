package mx.ine.redes.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures a benchmark measured, one tab-separated line each, appended to the file named by the system property
 * {@value #FILE_PROPERTY} (default {@code target/benchmark-figures.tsv} of the module). {@code deploy/benchmark.sh}
 * points every module at one file and prints it as one table ({@code mx.ine.redes.deploy.BenchmarkTable}).
 *
 * <p>Columns: section, what was measured, value, unit, the reference measured in the same run (or empty), what that
 * reference is, the target in words, and whether the benchmark found the target met ({@code yes}, {@code no}, or
 * empty when the figure has no target). The benchmark that measures a figure decides whether its target is met,
 * because only it knows the rule (a ratio, a ceiling, zero duplicates).
 */
public final class BenchmarkFigures {

    public static final String FILE_PROPERTY = "benchmark.figures";

    private BenchmarkFigures() {
    }

    /** A figure with no reference measured beside it. {@code met} is null when the figure has no target. */
    public static void record(String section, String what, double value, String unit, String target, Boolean met) {
        write(section, what, value, unit, null, "", target, met);
    }

    /** A figure and the reference measured in the same run, whose ratio the table prints. */
    public static void recordAgainst(String section, String what, double value, String unit, double reference,
            String referenceWhat, String target, Boolean met) {
        write(section, what, value, unit, reference, referenceWhat, target, met);
    }

    public static Path file() {
        return Path.of(System.getProperty(FILE_PROPERTY, "target/benchmark-figures.tsv"));
    }

    private static synchronized void write(String section, String what, double value, String unit, Double reference,
            String referenceWhat, String target, Boolean met) {
        String line = String.join("\t", clean(section), clean(what), String.format(Locale.ROOT, "%.3f", value), clean(unit),
                reference == null ? "" : String.format(Locale.ROOT, "%.3f", reference), clean(referenceWhat),
                clean(target), met == null ? "" : met ? "yes" : "no") + "\n";
        Path file = file().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record a benchmark figure in " + file, e);
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
    }
}
