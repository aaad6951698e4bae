package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.ReportTables.row;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.TrendReport;
import mx.ine.redes.reporting.report.render.ReportTables.Column;
import mx.ine.redes.reporting.report.render.ReportTables.Table;

/**
 * The trends as tables: every figure of every series and cycle on one line each
 * ({@code series-por-ciclo}), and the followers, their growth and the mean score with the cycles as
 * columns, as the Committee compares them. Rows keep the model's order (series by key, cycles by period).
 */
public final class TrendTables {

    private TrendTables() {
    }

    public static List<Table> of(TrendReport report) {
        List<Table> tables = new ArrayList<>();
        tables.add(summary(report));
        tables.add(cycles(report));
        tables.add(points(report));
        tables.add(wide(report, "seguidores-por-ciclo", "Seguidores en cada ciclo", point -> point.followers()));
        tables.add(wide(report, "crecimiento-de-seguidores", "Crecimiento de seguidores respecto del ciclo anterior",
                TrendReport.Point::followerGrowth));
        tables.add(wide(report, "crecimiento-de-seguidores-pct", "Crecimiento de seguidores respecto del ciclo anterior (%)",
                TrendReport.Point::followerGrowthPercent));
        tables.add(wide(report, "publicaciones-por-ciclo", "Publicaciones en cada ciclo", point -> point.posts()));
        tables.add(wide(report, "puntaje-promedio-por-ciclo", "Puntaje promedio de la evaluación en cada ciclo",
                TrendReport.Point::meanScore));
        return tables;
    }

    /**
     * One table per series with the cycles as rows ({@code serie-1}, …), as the PDF prints them: a
     * trend over many cycles cannot be read with a column per cycle on a page.
     */
    static List<Table> perSeries(TrendReport report) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < report.series().size(); i++) {
            TrendReport.Series series = report.series().get(i);
            List<List<Object>> rows = new ArrayList<>();
            for (TrendReport.Point point : series.points()) {
                rows.add(row(point.cycleId(), point.accounts(), point.followers(), point.followerGrowth(),
                        point.followerGrowthPercent(), point.posts(), point.impressions(), point.meanScore()));
            }
            String title = groupHeading(report) + ": " + series.label() + ("area".equals(report.by()) ? " (" + series.key() + ")" : "");
            tables.add(new Table("serie-" + (i + 1), title,
                    List.of(Column.shown("Ciclo"), Column.shown("Cuentas"), Column.shown("Seguidores"), Column.shown("Crecimiento"),
                            Column.shown("Crecimiento (%)"), Column.shown("Publicaciones"), Column.shown("Impresiones"),
                            Column.shown("Puntaje promedio")),
                    rows));
        }
        return tables;
    }

    /** How the series are grouped, in Spanish (a column heading). */
    static String groupHeading(TrendReport report) {
        return switch (report.by()) {
            case "network" -> "Red social";
            case "level" -> "Nivel";
            case "area" -> "Área";
            default -> "Cuenta";
        };
    }

    private static Table summary(TrendReport report) {
        var heading = report.heading();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Referencia", heading.reference()));
        rows.add(row("Título", heading.title()));
        rows.add(row("Agrupación", groupHeading(report)));
        rows.add(row("Primer ciclo", heading.fromCycle()));
        rows.add(row("Último ciclo", heading.toCycle()));
        rows.add(row("Corte (último evento, hora de la Ciudad de México)", heading.asOf() == null ? null
                : heading.asOf().atZone(ReportTables.MEXICO_CITY).toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        rows.add(row("Ciclos", (long) report.cycles().size()));
        rows.add(row("Series", (long) report.series().size()));
        return new Table("resumen", "Resumen", List.of(Column.shown("Concepto"), Column.shown("Valor")), rows);
    }

    private static Table cycles(TrendReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.CycleColumn cycle : report.cycles()) {
            rows.add(row(cycle.cycleId(), cycle.periodStart(), cycle.periodEnd()));
        }
        return new Table("ciclos", "Ciclos comparados",
                List.of(Column.shown("Ciclo"), Column.shown("Inicio del periodo"), Column.shown("Fin del periodo")), rows);
    }

    private static Table points(TrendReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrendReport.Series series : report.series()) {
            for (TrendReport.Point point : series.points()) {
                rows.add(row(series.key(), series.label(), point.cycleId(), point.accounts(), point.followers(),
                        point.followerGrowth(), point.followerGrowthPercent(), point.posts(), point.impressions(), point.evaluated(),
                        point.meanScore()));
            }
        }
        return new Table("series-por-ciclo", "Cifras de cada serie por ciclo",
                List.of(Column.dataOnly("Clave"), Column.shown(groupHeading(report)), Column.shown("Ciclo"),
                        Column.shown("Cuentas que reportaron"), Column.shown("Seguidores"), Column.shown("Crecimiento"),
                        Column.shown("Crecimiento (%)"), Column.shown("Publicaciones"), Column.shown("Impresiones"),
                        Column.shown("Evaluadas"), Column.shown("Puntaje promedio")),
                rows);
    }

    private static Table wide(TrendReport report, String name, String title, Function<TrendReport.Point, Object> figure) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrendReport.Series series : report.series()) {
            List<Object> row = row(series.key(), series.label());
            series.points().forEach(point -> row.add(figure.apply(point)));
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(Column.dataOnly("Clave"), Column.shown(groupHeading(report))));
        report.cycles().forEach(cycle -> columns.add(Column.shown(cycle.cycleId())));
        return new Table(name, title, columns, rows);
    }
}
