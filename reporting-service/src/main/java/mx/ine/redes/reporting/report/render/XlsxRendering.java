package mx.ine.redes.reporting.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.render.ReportTables.Table;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The report as a workbook, a sheet per table (named as the table's CSV file), a bold header
 * row frozen on top, numbers as numbers and dates as dates ({@code dd/mm/aaaa}). fastexcel stamps
 * the workbook with the wall clock (its creation date, its zip entries' times): the package is
 * rewritten with the report's own instant, so the same report gives the same bytes.
 */
final class XlsxRendering {

    private static final java.util.regex.Pattern CREATED =
            java.util.regex.Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

    private XlsxRendering() {
    }

    static byte[] render(SemiannualReport report) {
        return render(ReportTables.of(report), report.heading().title(), report.heading().reference(), report.heading().asOf());
    }

    /** Any document's tables as a workbook, titled and stamped with the document's own instant. */
    static byte[] render(List<Table> tables, String title, String reference, Instant asOf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Informes INE", "1.0");
            workbook.properties().setTitle(title).setSubject(reference).setCompany("Instituto Nacional Electoral");
            for (Table table : tables) {
                sheet(workbook.newWorksheet(table.name()), table);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stamped(bytes.toByteArray(), asOf == null ? Instant.EPOCH : asOf.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void sheet(Worksheet sheet, Table table) {
        List<ReportTables.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).heading());
            sheet.style(0, c).bold().fillColor("D9D9D9").set();
            sheet.width(c, Math.min(60, Math.max(10, widest(table, c) + 2)));
        }
        sheet.freezePane(0, 1);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (value instanceof LocalDate date) {
                    sheet.value(r + 1, c, date);
                    sheet.style(r + 1, c).format("dd/mm/yyyy").set();
                } else if (value != null) {
                    sheet.value(r + 1, c, value.toString());
                }
            }
        }
    }

    private static int widest(Table table, int column) {
        int widest = table.columns().get(column).heading().length();
        for (List<Object> row : table.rows()) {
            Object value = row.get(column);
            widest = Math.max(widest, value == null ? 0 : Math.min(60, value.toString().length()));
        }
        return widest;
    }

    /**
     * The same package with the report's instant as its creation date and every entry's time. fastexcel
     * streams its entries (sizes only in the central directory), which ZipInputStream cannot read back:
     * the package is read through ZipFile, from a temporary file.
     */
    private static byte[] stamped(byte[] workbook, Instant asOf) {
        LocalDateTime stamp = LocalDateTime.ofInstant(asOf, ReportTables.MEXICO_CITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream(workbook.length);
        Path file = null;
        try {
            file = Files.createTempFile("informe-", ".xlsx");
            Files.write(file, workbook);
            try (ZipFile in = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
                 ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] content;
                    try (var entryIn = in.getInputStream(entry)) {
                        content = entryIn.readAllBytes();
                    }
                    if (entry.getName().equals("docProps/core.xml")) {
                        content = CREATED.matcher(new String(content, StandardCharsets.UTF_8))
                                .replaceAll("$1" + Matcher.quoteReplacement(asOf.toString()) + "$2")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTimeLocal(stamp);
                    zip.putNextEntry(copy);
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
        return out.toByteArray();
    }
}
