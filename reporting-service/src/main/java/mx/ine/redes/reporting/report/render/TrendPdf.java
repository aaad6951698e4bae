package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.PdfRendering.nonNull;
import static mx.ine.redes.reporting.report.render.PdfRendering.number;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.reporting.report.TrendReport;

/** The multi-year trends as the Institute's letter: the series' tables and three charts across cycles. */
final class TrendPdf {

    private TrendPdf() {
    }

    static byte[] render(TrendReport report) {
        var heading = report.heading();
        var letterhead = new PdfRendering.Letterhead(heading.reference(), heading.title(), heading.asOf(),
                nonNull(heading.reference()) + "|" + report.by() + "|" + heading.asOf());
        List<ReportTables.Table> tables = new ArrayList<>(TrendTables.of(report));
        tables.addAll(TrendTables.perSeries(report));
        return PdfRendering.render(letterhead, tables, pdf -> letter(pdf, report));
    }

    private static void letter(PdfRendering pdf, TrendReport report) throws IOException {
        var heading = report.heading();
        pdf.opening(heading.fromCycle() == null ? "Sin ciclos abiertos"
                : "Ciclos " + heading.fromCycle() + " a " + heading.toCycle() + " · " + number(report.cycles().size()) + " ciclos");
        pdf.paragraph("Atendiendo la petición del Comité de contar con un estadístico que contemple más años, la "
                + PdfRendering.COORDINATION + " presenta la evolución de seguidores, publicaciones, impresiones y puntaje de la"
                + " evaluación de las cuentas institucionales a lo largo de los ciclos. Cada cuenta cuenta con la última versión"
                + " de las estadísticas que entregó en el ciclo; el crecimiento compara cada ciclo con el anterior sobre las"
                + " cuentas que reportaron en ambos.");

        pdf.section("1. Resumen");
        pdf.table("resumen");
        pdf.table("ciclos");

        pdf.sectionBeforeChart("2. Seguidores y su crecimiento");
        pdf.paragraph("El crecimiento de cada ciclo compara sus seguidores con los del ciclo anterior, sobre las cuentas que"
                + " reportaron en ambos; las tablas de la sección 5 lo dan en número y en porcentaje.");
        pdf.chart(SeriesCharts.trendFollowers(report));

        pdf.sectionBeforeChart("3. Publicaciones");
        pdf.chart(SeriesCharts.trendPosts(report));

        pdf.sectionBeforeChart("4. Puntaje de la evaluación");
        pdf.chart(SeriesCharts.trendScores(report));

        pdf.section("5. Cifras de cada serie por ciclo");
        if (report.series().isEmpty()) {
            pdf.paragraph("Ninguna cuenta reportó estadísticas en los ciclos comparados.");
        }
        for (int i = 0; i < report.series().size(); i++) {
            pdf.table("serie-" + (i + 1));
        }

        pdf.closing();
    }
}
