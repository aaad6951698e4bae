package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.PdfRendering.nonNull;
import static mx.ine.redes.reporting.report.render.PdfRendering.number;

import java.io.IOException;
import mx.ine.redes.reporting.report.TrendReport;

/** The multi-year trends as the Institute's letter: the series' tables and three charts across cycles. */
final class TrendPdf {

    private TrendPdf() {
    }

    static byte[] render(TrendReport report) {
        var heading = report.heading();
        var letterhead = new PdfRendering.Letterhead(heading.reference(), heading.title(), heading.asOf(),
                nonNull(heading.reference()) + "|" + report.by() + "|" + heading.asOf());
        return PdfRendering.render(letterhead, TrendTables.of(report), pdf -> letter(pdf, report));
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

        pdf.section("2. Seguidores y su crecimiento");
        pdf.chart(SeriesCharts.trendFollowers(report));
        pdf.table("seguidores-por-ciclo");
        pdf.table("crecimiento-de-seguidores");
        pdf.table("crecimiento-de-seguidores-pct");

        pdf.section("3. Publicaciones");
        pdf.chart(SeriesCharts.trendPosts(report));
        pdf.table("publicaciones-por-ciclo");

        pdf.section("4. Puntaje de la evaluación");
        pdf.chart(SeriesCharts.trendScores(report));
        pdf.table("puntaje-promedio-por-ciclo");

        pdf.section("5. Cifras por ciclo");
        pdf.table("series-por-ciclo");

        pdf.closing();
    }
}
