package mx.ine.redes.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one benchmark table: reads the figures every benchmark of the build recorded (service-support's test-jar
 * {@code BenchmarkFigures}: one tab-separated line per figure: section, what, value, unit, reference, what the
 * reference is, target, met) and prints them grouped by section, each with its ratio to the reference measured in
 * the same run; writes the same table as Markdown, under a line naming the date and the machine.
 *
 * <p>{@code java -cp deploy/target/classes mx.ine.redes.deploy.BenchmarkTable target/benchmark/figures.tsv
 * [target/benchmark/table.md]} ({@code deploy/benchmark.sh} runs it after the benchmarks).
 */
public final class BenchmarkTable {

    static final int COLUMNS = 8;

    /** One recorded figure. {@code reference} is null when none was measured beside it; {@code met} is yes, no or empty. */
    record Figure(String section, String what, double value, String unit, Double reference, String referenceWhat,
                  String target, String met) {

        /** value / reference in percent, or null without a (non-zero) reference. */
        Double ratioPercent() {
            return reference == null || reference == 0 ? null : 100 * value / reference;
        }
    }

    /** The figures, and the lines that could not be read (with their number), which the table reports rather than hides. */
    record Figures(List<Figure> figures, List<String> unreadable) {
    }

    private BenchmarkTable() {
    }

    public static void main(String[] args) {
        Path tsv = Path.of(args.length > 0 ? args[0] : "target/benchmark/figures.tsv");
        Path markdownFile = args.length > 1 ? Path.of(args[1]) : tsv.resolveSibling("table.md");
        if (!Files.isRegularFile(tsv)) {
            System.err.println("No benchmark figures at " + tsv.toAbsolutePath() + ": no benchmark recorded any.");
            System.exit(1);
        }
        Figures read = read(tsv);
        String heading = heading(Instant.now());
        System.out.println();
        System.out.println(heading);
        System.out.println();
        System.out.print(text(read.figures()));
        System.out.println();
        System.out.println(summary(read));
        try {
            Files.createDirectories(markdownFile.toAbsolutePath().getParent());
            Files.writeString(markdownFile, markdown(read.figures(), heading), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + markdownFile, e);
        }
        System.out.println("Markdown: " + markdownFile.toAbsolutePath());
    }

    static Figures read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + tsv, e);
        }
        List<Figure> figures = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            try {
                if (cells.length != COLUMNS) {
                    throw new IllegalArgumentException(cells.length + " columns instead of " + COLUMNS);
                }
                figures.add(new Figure(cells[0], cells[1], Double.parseDouble(cells[2]), cells[3],
                        cells[4].isEmpty() ? null : Double.parseDouble(cells[4]), cells[5], cells[6], cells[7]));
            } catch (IllegalArgumentException e) {
                unreadable.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Figures(grouped(figures), unreadable);
    }

    /** The figures by section, the sections in the order they first appear, each section's figures in recorded order. */
    static List<Figure> grouped(List<Figure> figures) {
        Map<String, List<Figure>> bySection = new LinkedHashMap<>();
        for (Figure figure : figures) {
            bySection.computeIfAbsent(figure.section(), section -> new ArrayList<>()).add(figure);
        }
        return bySection.values().stream().flatMap(List::stream).toList();
    }

    static final List<String> HEADERS = List.of("Section", "What", "Value", "Reference (same run)", "Ratio", "Target", "Met");

    /** The cells of one row, as both renderings print them. */
    static List<String> cells(Figure figure) {
        String reference = figure.reference() == null ? ""
                : (figure.referenceWhat().isBlank() ? "" : figure.referenceWhat() + ": ") + number(figure.reference())
                        + unitSuffix(figure.unit());
        Double ratio = figure.ratioPercent();
        return List.of(figure.section(), figure.what(), number(figure.value()) + unitSuffix(figure.unit()), reference,
                ratio == null ? "" : String.format(Locale.ROOT, "%.1f %%", ratio), figure.target(), figure.met());
    }

    /** Columns aligned with spaces, a section's name only on its first row. */
    static String text(List<Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        String section = null;
        for (Figure figure : figures) {
            List<String> cells = new ArrayList<>(cells(figure));
            if (figure.section().equals(section)) {
                cells.set(0, "");
            }
            section = figure.section();
            rows.add(cells);
        }
        int[] widths = new int[HEADERS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        Function<List<String>, String> line = cells -> {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                // Figures right-aligned, words left-aligned.
                boolean numeric = c == 2 || c == 4;
                s.append(numeric ? " ".repeat(widths[c] - cell.length()) + cell : cell + " ".repeat(widths[c] - cell.length()));
                s.append(c < cells.size() - 1 ? "  " : "");
            }
            return s.toString().stripTrailing() + "\n";
        };
        out.append(line.apply(HEADERS));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append("-".repeat(widths[c])).append(c < widths.length - 1 ? "  " : "");
        }
        out.append(rule).append('\n');
        section = null;
        for (int r = 0; r < rows.size(); r++) {
            if (section != null && !figures.get(r).section().equals(section)) {
                out.append('\n');
            }
            section = figures.get(r).section();
            out.append(line.apply(rows.get(r)));
        }
        return out.toString();
    }

    static String markdown(List<Figure> figures, String heading) {
        StringBuilder out = new StringBuilder(heading).append("\n\n");
        out.append(markdownRow(HEADERS));
        out.append("|---|---|--:|---|--:|---|---|\n");
        for (Figure figure : figures) {
            out.append(markdownRow(cells(figure)));
        }
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return row.append('\n').toString();
    }

    static String summary(Figures read) {
        long withTarget = read.figures().stream().filter(f -> !f.met().isEmpty()).count();
        long met = read.figures().stream().filter(f -> f.met().equals("yes")).count();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d figures; %d of the %d with a target met it.",
                read.figures().size(), met, withTarget));
        for (Figure figure : read.figures()) {
            if (figure.met().equals("no")) {
                s.append(String.format(Locale.ROOT, "%n  NOT MET: %s / %s: %s (target %s)", figure.section(), figure.what(),
                        number(figure.value()) + unitSuffix(figure.unit()), figure.target()));
            }
        }
        for (String line : read.unreadable()) {
            s.append(String.format(Locale.ROOT, "%n  UNREADABLE %s", line));
        }
        return s.toString();
    }

    /** Grouped thousands; two decimals below 10, one below 100, none above (a figure, not a measurement's noise). */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 || value == Math.rint(value) ? "%,.0f" : magnitude >= 10 ? "%,.1f" : "%,.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String unitSuffix(String unit) {
        return unit.isBlank() ? "" : unit.equals("%") ? " %" : " " + unit;
    }

    /** The line above the table: when and on what it was measured. */
    static String heading(Instant now) {
        return "Benchmarks of " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(now.atOffset(ZoneOffset.UTC))
                + " on " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), " + memory()
                + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", JVM "
                + System.getProperty("java.vm.name") + " " + Runtime.version();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("CPU model unknown");
        } catch (IOException | RuntimeException e) {
            return "CPU model unknown";
        }
    }

    private static String memory() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
            }
        } catch (RuntimeException | LinkageError e) {
            // fall through
        }
        return "unknown";
    }
}
