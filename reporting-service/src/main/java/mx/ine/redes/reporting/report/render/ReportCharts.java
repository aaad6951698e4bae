package mx.ine.redes.reporting.report.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.ine.redes.reporting.report.SemiannualReport;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's charts, drawn by XChart in the bundled DejaVu Sans (so accents do not depend on
 * the host's fonts) at three times their printed size, for a sharp page. Needs
 * {@code java.awt.headless=true}: with a DISPLAY set, AWT would try to open it.
 */
final class ReportCharts {

    /** A chart's caption and picture; {@code width} and {@code height} are its printed size in points. */
    record Chart(String key, String caption, BufferedImage image, int width, int height) {
    }

    static final int WIDTH = 480;
    static final int HEIGHT = 230;
    private static final int SCALE = 3;
    private static final Locale MEXICO = Locale.forLanguageTag("es-MX");
    private static final Color[] SERIES = {new Color(0x9E9E9E), new Color(0xB5006E), new Color(0x4A4A4A)};

    private ReportCharts() {
    }

    static Chart followerGrowth(SemiannualReport report) {
        CategoryChart chart = chart("Seguidores por red social: ciclo anterior y ciclo " + report.heading().cycleId(),
                "Seguidores");
        Map<String, long[]> byNetwork = ReportTables.followersByNetwork(report);
        List<String> networks = new ArrayList<>();
        List<Long> previous = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        byNetwork.forEach((network, pair) -> {
            networks.add(Labels.network(network));
            previous.add(pair[0]);
            current.add(pair[1]);
        });
        addOrEmpty(chart, "Ciclo anterior", networks, previous);
        addOrEmpty(chart, "Ciclo " + report.heading().cycleId(), networks, current);
        return picture("crecimiento-seguidores", "Gráfica 1. Crecimiento de seguidores por red social", chart);
    }

    static Chart ratingDistribution(SemiannualReport report) {
        CategoryChart chart = chart("Distribución de calificaciones", "Cuentas");
        chart.getStyler().setLegendVisible(false);
        List<String> ratings = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (var count : report.evaluation().ratingDistribution()) {
            ratings.add(Labels.shortRating(count.key(), count.label()));
            counts.add(count.count());
        }
        addOrEmpty(chart, "Cuentas", ratings, counts);
        chart.getStyler().setSeriesColors(new Color[] {SERIES[1]});
        return picture("distribucion-calificaciones", "Gráfica 3. Distribución de calificaciones", chart);
    }

    static Chart postsByNetwork(SemiannualReport report) {
        CategoryChart chart = chart("Publicaciones por red social, ciclo " + report.heading().cycleId(), "Publicaciones");
        chart.getStyler().setLegendVisible(false);
        List<String> networks = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        ReportTables.postsByNetwork(report).forEach((network, count) -> {
            networks.add(Labels.network(network));
            posts.add(count);
        });
        addOrEmpty(chart, "Publicaciones", networks, posts);
        chart.getStyler().setSeriesColors(new Color[] {SERIES[2]});
        return picture("publicaciones-por-red", "Gráfica 2. Publicaciones por red social", chart);
    }

    static CategoryChart chart(String title, String yAxis) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yAxis).build();
        var styler = chart.getStyler();
        Font base = Fonts.awt(false, 9f);
        styler.setBaseFont(base);
        styler.setChartTitleFont(Fonts.awt(true, 10.5f));
        styler.setLegendFont(base);
        styler.setAxisTitleFont(base);
        styler.setAxisTickLabelsFont(Fonts.awt(false, 8f));
        styler.setLabelsFont(Fonts.awt(false, 7.5f));
        styler.setLocale(MEXICO);
        styler.setDecimalPattern("#,##0");
        styler.setYAxisDecimalPattern("#,##0");
        // Values inside the bars collide on short bars; the tables beside each chart give the figures.
        styler.setLabelsVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setYAxisMin(0.0);
        styler.setSeriesColors(SERIES);
        styler.setAntiAlias(true);
        return chart;
    }

    /** XChart cannot draw a series without points: an empty section shows a single "Sin datos" bar of zero. */
    private static void addOrEmpty(CategoryChart chart, String name, List<String> categories, List<Long> values) {
        if (categories.isEmpty()) {
            chart.addSeries(name, List.of("Sin datos"), List.of(0));
        } else {
            chart.addSeries(name, categories, values);
        }
    }

    static Chart picture(String key, String caption, CategoryChart chart) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.scale(SCALE, SCALE);
            chart.paint(graphics, WIDTH, HEIGHT);
        } finally {
            graphics.dispose();
        }
        return new Chart(key, caption, image, WIDTH, HEIGHT);
    }

    /** The bundled DejaVu Sans (Bitstream Vera licence: free to bundle and redistribute), for AWT and for PDFBox. */
    static final class Fonts {
        private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
        private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");
        private static final Font AWT_REGULAR = awtFont(REGULAR);
        private static final Font AWT_BOLD = awtFont(BOLD);

        private Fonts() {
        }

        static byte[] ttf(boolean bold) {
            return bold ? BOLD : REGULAR;
        }

        static Font awt(boolean bold, float size) {
            return (bold ? AWT_BOLD : AWT_REGULAR).deriveFont(size);
        }

        private static byte[] load(String resource) {
            try (var in = ReportCharts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing font resource " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Font awtFont(byte[] ttf) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("The bundled font cannot be read", e);
            }
        }
    }
}
