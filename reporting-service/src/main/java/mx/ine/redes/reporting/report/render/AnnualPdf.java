package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.PdfRendering.longDate;
import static mx.ine.redes.reporting.report.render.PdfRendering.nonNull;
import static mx.ine.redes.reporting.report.render.PdfRendering.number;

import java.io.IOException;
import mx.ine.redes.reporting.report.AnnualReport;

/** The annual consolidation as the Institute's letter: the cycles side by side, the year's totals, three charts. */
final class AnnualPdf {

    private AnnualPdf() {
    }

    static byte[] render(AnnualReport report) {
        var heading = report.heading();
        var letterhead = new PdfRendering.Letterhead(heading.reference(), heading.title(), heading.asOf(),
                nonNull(heading.reference()) + "|" + heading.year() + "|" + heading.asOf());
        return PdfRendering.render(letterhead, AnnualTables.of(report), pdf -> letter(pdf, report));
    }

    private static void letter(PdfRendering pdf, AnnualReport report) throws IOException {
        var heading = report.heading();
        var cycles = String.join(" y ", AnnualTables.cycleIds(report));
        pdf.opening("Año " + heading.year() + " · ciclos " + cycles + " · del " + longDate(heading.periodStart()) + " al "
                + longDate(heading.periodEnd()));
        var inventory = report.inventory();
        pdf.paragraph("En cumplimiento del artículo 8, fracción I, la " + PdfRendering.COORDINATION + " consolida para el informe"
                + " anual del Comité lo informado en los ciclos " + cycles + ". Al cierre, el inventario registra "
                + number(inventory.total()) + " cuentas; en el año se registraron " + number(inventory.registered().size())
                + ", se dieron de baja " + number(inventory.decommissioned().size()) + " y se confirmó la permanencia de "
                + number(inventory.permanence().size()) + ". Me permito informar a usted lo siguiente:");

        pdf.section("1. Resumen del año");
        pdf.table("resumen");
        pdf.table("ciclos-del-ano");

        pdf.section("2. Inventario de cuentas");
        pdf.table("inventario-por-nivel");
        pdf.table("inventario-por-red");
        pdf.table("inventario-por-area");
        pdf.table("inventario-por-estado");
        pdf.table("cuentas-registradas");
        pdf.table("cuentas-dadas-de-baja");
        pdf.table("permanencia-de-cuentas");

        pdf.section("3. Estadísticas de las cuentas por ciclo y en el año");
        pdf.paragraph("Las publicaciones, impresiones y demás cifras del año suman las de sus ciclos; los seguidores del año son"
                + " los del último ciclo en que se reportaron, pues cuentan personas a una fecha y no se suman.");
        pdf.table("cuentas-que-reportaron");
        pdf.chart(SeriesCharts.annualFollowers(report));
        pdf.chart(SeriesCharts.annualPosts(report));
        pdf.table("estadisticas-por-red-y-nivel");

        pdf.section("4. Resultados de la evaluación");
        var year = report.evaluation().year();
        pdf.paragraph("En el año se concluyeron " + number(year.completed()) + " evaluaciones, " + number(year.completedLate())
                + " de ellas fuera del plazo de 10 días hábiles.");
        pdf.table("evaluaciones-por-ciclo");
        pdf.chart(SeriesCharts.annualRatings(report));
        pdf.table("distribucion-calificaciones");

        pdf.section("5. Observaciones, escalamientos y asuntos ante el Comité (Arts. 14 y 15)");
        var compliance = report.compliance().year();
        pdf.paragraph("En el año se emitieron " + number(compliance.observationsIssued()) + " observaciones: "
                + number(compliance.correctedOnTime()) + " fueron atendidas en tiempo, " + number(compliance.correctedLate())
                + " fuera de tiempo y " + number(compliance.notCorrected()) + " no fueron atendidas; "
                + "incumplimientos reportados al Comité: " + number(compliance.committeeItems()) + ".");
        pdf.table("observaciones-por-ciclo");
        pdf.table("observaciones-por-area");
        pdf.table("escalamientos-por-ciclo");
        pdf.table("escalamientos-por-area");
        pdf.table("resoluciones-del-comite");

        pdf.section("6. Capacitaciones (Art. 6 V)");
        pdf.table("capacitaciones");

        pdf.section("7. Recomendaciones y su atención");
        pdf.table("recomendaciones-por-estado");
        pdf.table("recomendaciones");

        pdf.section("8. Propuestas de baja");
        pdf.table("propuestas-de-baja");

        pdf.closing();
    }
}
