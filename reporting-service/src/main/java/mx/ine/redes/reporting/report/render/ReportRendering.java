package mx.ine.redes.reporting.report.render;

import jakarta.enterprise.context.ApplicationScoped;
import mx.ine.redes.reporting.report.SemiannualReport;

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
}
