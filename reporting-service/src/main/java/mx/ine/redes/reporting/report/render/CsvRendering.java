package mx.ine.redes.reporting.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.render.ReportTables.Table;
import mx.ine.redes.support.csv.Csv;

/**
 * The report as a zip of CSV files, one per table ({@code 01-resumen.csv}, ...), numbered in the
 * report's order. Each file is UTF-8 with a byte-order mark: Excel on Spanish-language Windows
 * opens a CSV without one as Windows-1252 and shows "Ã³" for "ó"; with it Excel, LibreOffice and
 * every parser that follows RFC 4180 read UTF-8 (service-support's {@link Csv#parse} ignores it).
 * Comma-separated with CRLF, as RFC 4180 and Excel in es-MX (whose list separator is the comma)
 * expect. Text cells a spreadsheet would run as a formula are defused by {@link Csv#defuse}, as
 * the registry's export does; numbers are written as numbers (a negative growth stays {@code -12}).
 * Zip entries carry the report's own date, so the same report gives the same bytes.
 */
final class CsvRendering {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvRendering() {
    }

    static byte[] render(SemiannualReport report) {
        return render(ReportTables.of(report), report.heading().asOf());
    }

    /** Any document's tables, zipped the same way; entries dated {@code asOf} (the document's own instant). */
    static byte[] render(List<Table> tables, Instant asOf) {
        LocalDateTime stamp = asOf == null ? LocalDateTime.of(2000, 1, 1, 0, 0)
                : LocalDateTime.ofInstant(asOf, ReportTables.MEXICO_CITY).withNano(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (int i = 0; i < tables.size(); i++) {
                Table table = tables.get(i);
                ZipEntry entry = new ZipEntry(fileName(i, table));
                entry.setTimeLocal(stamp);
                zip.putNextEntry(entry);
                zip.write(BYTE_ORDER_MARK);
                zip.write(text(table).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String fileName(int index, Table table) {
        return String.format("%02d-%s.csv", index + 1, table.name());
    }

    static String text(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns().stream().map(column -> (Object) column.heading()).toList());
        table.rows().forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = Csv.defuse(value.toString());
        boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith("'");
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
