package mx.ine.redes.reporting.report.render;

import jakarta.enterprise.context.ApplicationScoped;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.TrendReport;

/**
 * Renders the semi-annual report as a document: CSV (a zip, one file per table), XLSX (a sheet per
 * table) or PDF (the Institute's letter with tables and charts). JSON is the record itself, written
 * by Jackson: a resource answers it directly. Each rendering depends only on the report, so the same
 * report gives the same bytes.
 */
@ApplicationScoped
public class ReportRendering {

    static {
        // Charts are drawn with AWT: never try to reach a display, even when DISPLAY is set.
        System.setProperty("java.awt.headless", "true");
    }

    public Rendered render(SemiannualReport report, ReportFormat format) {
        byte[] body = switch (format) {
            case CSV -> CsvRendering.render(report);
            case XLSX -> XlsxRendering.render(report);
            case PDF -> PdfRendering.render(report);
            case JSON -> throw new IllegalArgumentException("JSON is the report itself, written by Jackson; not rendered here");
        };
        return new Rendered(body, format.contentType(), format.fileName(report.heading().cycleId()));
    }

    /** The annual consolidation: {@code informe-anual-2026.pdf}, {@code informe-anual-2026-csv.zip}… */
    public Rendered render(AnnualReport report, ReportFormat format) {
        var heading = report.heading();
        byte[] body = switch (format) {
            case CSV -> CsvRendering.render(AnnualTables.of(report), heading.asOf());
            case XLSX -> XlsxRendering.render(AnnualTables.of(report), heading.title(), heading.reference(), heading.asOf());
            case PDF -> AnnualPdf.render(report);
            case JSON -> throw new IllegalArgumentException("JSON is the report itself, written by Jackson; not rendered here");
        };
        return new Rendered(body, format.contentType(), format.download("informe-anual-" + heading.year()));
    }

    /**
     * The trends: {@code tendencias-por-red.xlsx}, {@code tendencias-por-nivel…}, {@code tendencias-por-area…};
     * one account's {@code tendencias-de-la-cuenta-<id>.pdf}.
     */
    public Rendered render(TrendReport report, ReportFormat format) {
        var heading = report.heading();
        byte[] body = switch (format) {
            case CSV -> CsvRendering.render(TrendTables.of(report), heading.asOf());
            case XLSX -> XlsxRendering.render(TrendTables.of(report), heading.title(), heading.reference(), heading.asOf());
            case PDF -> TrendPdf.render(report);
            case JSON -> throw new IllegalArgumentException("JSON is the report itself, written by Jackson; not rendered here");
        };
        String stem = switch (report.by()) {
            case "network" -> "tendencias-por-red";
            case "level" -> "tendencias-por-nivel";
            case "area" -> "tendencias-por-area";
            default -> "tendencias-de-la-cuenta" + report.series().stream().findFirst().map(series -> "-" + series.key()).orElse("");
        };
        return new Rendered(body, format.contentType(), format.download(stem));
    }
}
