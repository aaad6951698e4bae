package mx.ine.redes.reporting.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.TrendReport;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the annual consolidation and of the trends: figures across cycles, one bar or line
 * per series, drawn as {@link ReportCharts} draws the semi-annual ones (same fonts, size and style).
 * A trend grouped by area can have hundreds of series: a chart shows the {@link #MOST} with the most
 * followers in the last cycle (the tables hold every one).
 */
final class SeriesCharts {

    static final int MOST = 8;
    private static final Color[] PALETTE = {new Color(0xB5006E), new Color(0x4A4A4A), new Color(0x9E9E9E), new Color(0xE07BB5),
            new Color(0x2F6F8F), new Color(0xC9A227), new Color(0x6B8E23), new Color(0x8B4513)};

    private SeriesCharts() {
    }

    // --- the annual consolidation -----------------------------------------------------------------------

    static ReportCharts.Chart annualFollowers(AnnualReport report) {
        return cyclesPerNetwork(report, AnnualTables.followersByNetwork(report), "Seguidores por red social en cada ciclo de "
                + report.heading().year(), "Seguidores", "crecimiento-seguidores", "Gráfica 1. Crecimiento de seguidores por red social");
    }

    static ReportCharts.Chart annualPosts(AnnualReport report) {
        return cyclesPerNetwork(report, AnnualTables.postsByNetwork(report), "Publicaciones por red social en cada ciclo de "
                + report.heading().year(), "Publicaciones", "publicaciones-por-red", "Gráfica 2. Publicaciones por red social");
    }

    static ReportCharts.Chart annualRatings(AnnualReport report) {
        CategoryChart chart = ReportCharts.chart("Distribución de calificaciones por ciclo", "Cuentas");
        var year = report.evaluation().year().ratingDistribution();
        List<String> ratings = year.stream().map(count -> Labels.shortRating(count.key(), count.label())).toList();
        if (report.evaluation().perCycle().isEmpty()) {
            add(chart, "Sin datos", List.of(), List.of());
        }
        for (AnnualReport.CycleEvaluation cycle : report.evaluation().perCycle()) {
            List<Long> counts = year.stream().map(total -> cycle.ratingDistribution().stream()
                    .filter(count -> count.key().equals(total.key())).map(c -> c.count()).findFirst().orElse(0L)).toList();
            add(chart, "Ciclo " + cycle.cycleId(), ratings, counts);
        }
        chart.getStyler().setSeriesColors(PALETTE);
        return ReportCharts.picture("distribucion-calificaciones", "Gráfica 3. Distribución de calificaciones por ciclo", chart);
    }

    /** Networks as categories, a bar per cycle. */
    private static ReportCharts.Chart cyclesPerNetwork(AnnualReport report, Map<String, Map<String, Long>> byNetwork, String title,
                                                       String axis, String key, String caption) {
        CategoryChart chart = ReportCharts.chart(title, axis);
        List<String> networks = byNetwork.keySet().stream().map(Labels::network).toList();
        for (AnnualReport.CycleColumn cycle : report.cycles()) {
            add(chart, "Ciclo " + cycle.cycleId(), networks,
                    byNetwork.values().stream().map(byCycle -> byCycle.getOrDefault(cycle.cycleId(), 0L)).toList());
        }
        chart.getStyler().setSeriesColors(PALETTE);
        return ReportCharts.picture(key, caption, chart);
    }

    // --- the trends ------------------------------------------------------------------------------------

    static ReportCharts.Chart trendFollowers(TrendReport report) {
        return trend(report, "Seguidores " + grouped(report) + " a lo largo de los ciclos", "Seguidores",
                point -> (double) point.followers(), false, "crecimiento-seguidores",
                "Gráfica 1. Crecimiento de seguidores a lo largo de los ciclos");
    }

    static ReportCharts.Chart trendPosts(TrendReport report) {
        return trend(report, "Publicaciones " + grouped(report) + " en cada ciclo", "Publicaciones",
                point -> (double) point.posts(), false, "publicaciones-por-ciclo", "Gráfica 2. Publicaciones en cada ciclo");
    }

    static ReportCharts.Chart trendScores(TrendReport report) {
        return trend(report, "Puntaje promedio " + grouped(report) + " en cada ciclo", "Puntaje (0 a 100)",
                point -> point.meanScore() == null ? null : point.meanScore().doubleValue(), true, "puntaje-promedio",
                "Gráfica 3. Tendencia del puntaje de la evaluación");
    }

    private static String grouped(TrendReport report) {
        return switch (report.by()) {
            case "network" -> "por red social";
            case "level" -> "por nivel";
            case "area" -> "por área";
            default -> "de la cuenta";
        };
    }

    /** Cycles as categories; a series per group (the {@link #MOST} with the most followers in the last cycle), bars or lines. */
    private static ReportCharts.Chart trend(TrendReport report, String title, String axis,
                                            java.util.function.Function<TrendReport.Point, Double> figure, boolean lines,
                                            String key, String caption) {
        CategoryChart chart = ReportCharts.chart(title, axis);
        List<String> cycles = report.cycles().stream().map(AnnualReport.CycleColumn::cycleId).toList();
        List<TrendReport.Series> shown = report.series().stream()
                .sorted(Comparator.comparingLong((TrendReport.Series series) -> series.points().isEmpty() ? 0
                        : series.points().getLast().followers()).reversed().thenComparing(TrendReport.Series::key))
                .limit(MOST).sorted(Comparator.comparing(TrendReport.Series::key)).toList();
        boolean drawnAny = false;
        for (TrendReport.Series series : shown) {
            List<Double> values = new ArrayList<>();
            series.points().forEach(point -> values.add(figure.apply(point)));
            if (lines && values.stream().allMatch(java.util.Objects::isNull)) {
                continue;
            }
            drawnAny = true;
            // Area names run long: the legend names an area by its code (the tables beside give its name).
            String legend = "area".equals(report.by()) ? series.key() : shortLabel(series.label());
            CategorySeries drawn = chart.addSeries(legend, cycles, lines ? values
                    : values.stream().map(value -> value == null ? 0.0 : value).toList());
            if (lines) {
                drawn.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
                drawn.setMarker(SeriesMarkers.CIRCLE);
                drawn.setLineStyle(new BasicStroke(1.5f));
            }
        }
        if (!drawnAny) {
            add(chart, "Sin datos", List.of(), List.of());
        }
        if (lines) {
            chart.getStyler().setYAxisMax(100.0);
            // Lines join a series' own points: each at its cycle's centre, not shifted aside as grouped bars are.
            chart.getStyler().setOverlapped(true);
        }
        if (shown.size() > 4) {
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        }
        chart.getStyler().setSeriesColors(PALETTE);
        String more = report.series().size() > MOST ? " (las " + MOST + " series con más seguidores)" : "";
        return ReportCharts.picture(key, caption + more, chart);
    }

    /** A legend entry a chart can hold. */
    private static String shortLabel(String label) {
        String text = label == null ? "" : label;
        return text.length() <= 28 ? text : text.substring(0, 27) + "…";
    }

    /** XChart cannot draw a series without points: an empty one is a single "Sin datos" bar of zero. */
    private static void add(CategoryChart chart, String name, List<String> categories, List<? extends Number> values) {
        if (categories.isEmpty()) {
            chart.addSeries(name, List.of("Sin datos"), List.of(0));
        } else {
            chart.addSeries(name, categories, values);
        }
    }
}
