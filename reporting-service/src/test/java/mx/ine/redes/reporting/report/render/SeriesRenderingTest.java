package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.RenderedDocuments.csv;
import static mx.ine.redes.reporting.report.render.RenderedDocuments.images;
import static mx.ine.redes.reporting.report.render.RenderedDocuments.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.TrendReport;
import mx.ine.redes.support.csv.Csv;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The annual consolidation and the trends in every document format, opened as their readers would open them. */
class SeriesRenderingTest {

    static final List<String> ANNUAL_TABLES = List.of("resumen", "ciclos-del-ano", "inventario-por-nivel", "inventario-por-red",
            "inventario-por-area", "inventario-por-estado", "cuentas-registradas", "cuentas-dadas-de-baja", "permanencia-de-cuentas",
            "cuentas-que-reportaron", "estadisticas-por-red-y-nivel", "evaluaciones-por-ciclo", "distribucion-calificaciones",
            "observaciones-por-ciclo", "observaciones-por-area", "escalamientos-por-ciclo", "escalamientos-por-area",
            "resoluciones-del-comite", "capacitaciones", "recomendaciones-por-estado", "recomendaciones", "propuestas-de-baja");
    static final List<String> TREND_TABLES = List.of("resumen", "ciclos", "series-por-ciclo", "seguidores-por-ciclo",
            "crecimiento-de-seguidores", "crecimiento-de-seguidores-pct", "publicaciones-por-ciclo", "puntaje-promedio-por-ciclo");

    private static final AnnualReport ANNUAL = SampleSeriesReports.year2027();
    private static final TrendReport TRENDS = SampleSeriesReports.byNetwork();
    private final ReportRendering rendering = new ReportRendering();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void shouldNameTheAnnualAndTrendDownloads() {
        assertThat(rendering.render(ANNUAL, ReportFormat.PDF).fileName()).isEqualTo("informe-anual-2027.pdf");
        assertThat(rendering.render(ANNUAL, ReportFormat.XLSX).fileName()).isEqualTo("informe-anual-2027.xlsx");
        assertThat(rendering.render(ANNUAL, ReportFormat.CSV)).extracting(Rendered::fileName, Rendered::contentType)
                .containsExactly("informe-anual-2027-csv.zip", "application/zip");
        assertThat(rendering.render(TRENDS, ReportFormat.XLSX).fileName()).isEqualTo("tendencias-por-red.xlsx");
        assertThat(rendering.render(TRENDS, ReportFormat.PDF).contentDisposition())
                .isEqualTo("attachment; filename=\"tendencias-por-red.pdf\"");
    }

    @Test
    void shouldZipOneCsvPerAnnualTableWithTheCyclesSideBySide() throws IOException {
        Map<String, byte[]> files = unzip(rendering.render(ANNUAL, ReportFormat.CSV).body());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ANNUAL_TABLES.size(); i++) {
            expected.add(String.format("%02d-%s.csv", i + 1, ANNUAL_TABLES.get(i)));
        }
        assertThat(files.keySet()).containsExactlyElementsOf(expected);
        List<Csv.Row> statistics = csv(files, "11-estadisticas-por-red-y-nivel.csv");
        assertThat(statistics.get(0).fields()).containsExactly("Red social", "Nivel", "Clave del indicador", "Indicador", "2027-S1",
                "2027-S2", "Año 2027");
        // X, Oficinas centrales: posts summed over the year; followers are the last cycle's, not added up.
        assertThat(statistics).extracting(Csv.Row::fields).contains(
                List.of("X", "Oficinas centrales", "posts", "Publicaciones", "1100", "1250", "2350"),
                List.of("X", "Oficinas centrales", "followers", "Seguidores", "341600", "384052", "384052"));
        assertThat(csv(files, "14-observaciones-por-ciclo.csv")).extracting(Csv.Row::fields).containsExactly(
                List.of("Ciclo", "Emitidas", "Atendidas en tiempo", "Atendidas fuera de tiempo", "No atendidas"),
                List.of("2027-S1", "4", "2", "1", "1"), List.of("2027-S2", "6", "3", "1", "2"), List.of("Año 2027", "10", "5", "2", "3"));
        assertThat(csv(files, "16-escalamientos-por-ciclo.csv")).extracting(Csv.Row::fields).contains(
                List.of("2027-S2", "2", "1", "1", "1"), List.of("Año 2027", "3", "1", "1", "2"));
        assertThat(csv(files, "13-distribucion-calificaciones.csv")).extracting(Csv.Row::fields).contains(
                List.of("PERTINENT", "Pertinente (se mantiene)", "3", "3", "6"));
    }

    @Test
    void shouldWriteASheetPerTrendTableWithTheGrowthAsNumbers() throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(rendering.render(TRENDS, ReportFormat.XLSX).body()))) {
            assertThat(workbook.getSheets().map(Sheet::getName).toList()).containsExactlyElementsOf(TREND_TABLES);
            List<Row> growth = workbook.findSheet("crecimiento-de-seguidores").orElseThrow().read();
            assertThat(growth.get(0).getCell(2).asString()).isEqualTo("2027-S1");
            assertThat(growth.get(2).getCell(1).asString()).isEqualTo("X");
            assertThat(growth.get(2).getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("42452"));
            assertThat(growth.get(1).getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("-2800"));
            List<Row> percent = workbook.findSheet("crecimiento-de-seguidores-pct").orElseThrow().read();
            assertThat(percent.get(2).getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("12.4"));
        }
    }

    @Test
    void shouldWriteTheAnnualLetterInSpanishWithItsTablesAndCharts() throws IOException {
        byte[] pdf = rendering.render(ANNUAL, ReportFormat.PDF).body();
        keep(pdf, "informe-anual.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            int pages = document.getNumberOfPages();
            assertThat(text).contains("INSTITUTO NACIONAL ELECTORAL", "Oficio Núm. INE/CNCS/RA/2027",
                    "Ciudad de México, a 20 de enero de 2028.", "Comité de Gestión y Publicación Electrónica",
                    "Informe anual al Comité de Redes Sociales sobre las cuentas institucionales, 2027",
                    "Año 2027 · ciclos 2027-S1 y 2027-S2", "Cuentas dadas de baja en el año / Observaciones",
                    "Permanencia de cuentas / Observaciones", "Estadísticas por red social y nivel en cada ciclo y en el año",
                    "2,350", "384,052", "10,300,000", "Distribución de calificaciones por ciclo",
                    "Resoluciones del Comité en el año", "Se instruye a la Junta Distrital atender la observación.",
                    "Capacitaciones impartidas en el año (Art. 6 V)", "Propuestas de baja del año",
                    "Gráfica 1. Crecimiento de seguidores por red social", "Gráfica 2. Publicaciones por red social",
                    "Gráfica 3. Distribución de calificaciones por ciclo", "Atentamente,",
                    "Página 1 de " + pages, "Página " + pages + " de " + pages);
            assertThat(images(document)).isEqualTo(3);
        }
    }

    @Test
    void shouldWriteTheTrendsLetterWithGrowthAndScoreCharts() throws IOException {
        byte[] pdf = rendering.render(TRENDS, ReportFormat.PDF).body();
        keep(pdf, "tendencias-por-red.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Oficio Núm. INE/CNCS/TE/red/2027-S1/2028-S1",
                    "Tendencias por red social, ciclos 2027-S1 a 2028-S1", "Red social: Facebook", "Red social: X", "Crecimiento (%)",
                    "42,452", "-2,800", "12.4", "-1.7", "80.5", "Gráfica 1. Crecimiento de seguidores a lo largo de los ciclos",
                    "Gráfica 2. Publicaciones en cada ciclo", "Gráfica 3. Tendencia del puntaje de la evaluación");
            assertThat(images(document)).isEqualTo(3);
        }
    }

    @Test
    void shouldRenderTheSameAnnualReportAndTrendsToTheSameBytes() {
        for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.PDF)) {
            assertThat(rendering.render(SampleSeriesReports.year2027(), format).body()).as("annual " + format)
                    .isEqualTo(rendering.render(SampleSeriesReports.year2027(), format).body());
            assertThat(rendering.render(SampleSeriesReports.byNetwork(), format).body()).as("trends " + format)
                    .isEqualTo(rendering.render(SampleSeriesReports.byNetwork(), format).body());
        }
    }

    @Test
    void shouldRenderTrendsBeforeAnyCycleHasOpenedInEveryFormat() throws IOException {
        TrendReport empty = new TrendReport(new TrendReport.Heading("INE/CNCS/TE/nivel", "Tendencias por nivel", null, null, null),
                "level", List.of(), List.of());

        assertThat(unzip(rendering.render(empty, ReportFormat.CSV).body())).hasSize(TREND_TABLES.size());
        assertThat(rendering.render(empty, ReportFormat.XLSX).fileName()).isEqualTo("tendencias-por-nivel.xlsx");
        try (PDDocument document = Loader.loadPDF(rendering.render(empty, ReportFormat.PDF).body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Sin ciclos abiertos", "Ninguna cuenta reportó estadísticas en los ciclos comparados.");
            assertThat(images(document)).isEqualTo(3);
        }
    }

    private static void keep(byte[] pdf, String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "report-render"));
        Files.write(directory.resolve(name), pdf);
    }
}
