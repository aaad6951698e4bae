package mx.ine.redes.reporting.report.render;

import static mx.ine.redes.reporting.report.render.RenderedDocuments.csv;
import static mx.ine.redes.reporting.report.render.RenderedDocuments.fonts;
import static mx.ine.redes.reporting.report.render.RenderedDocuments.images;
import static mx.ine.redes.reporting.report.render.RenderedDocuments.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.support.csv.Csv;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every document format of the semi-annual report, opened as its reader would open it. */
class ReportRenderingTest {

    /** The tables every tabular format holds, in the report's order. */
    static final List<String> TABLES = List.of("resumen", "inventario-por-nivel", "inventario-por-red", "inventario-por-area",
            "inventario-por-estado", "cuentas-registradas", "cuentas-dadas-de-baja", "permanencia-de-cuentas",
            "estadisticas-por-red-y-nivel", "publicaciones-por-hashtag", "audiencia", "distribucion-calificaciones",
            "calificaciones", "mejores-cuentas", "peores-cuentas", "observaciones-por-area", "escalamientos-por-area",
            "incumplimientos-comite", "resoluciones-del-informe", "cuentas-inactivas", "propuestas-de-baja", "capacitaciones",
            "recomendaciones-por-estado", "recomendaciones");

    private static final SemiannualReport REPORT = SampleReports.semester();
    private final ReportRendering rendering = new ReportRendering();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void shouldNameEachDownloadAfterTheCycleWithItsContentType() {
        assertThat(rendering.render(REPORT, ReportFormat.CSV)).extracting(Rendered::contentType, Rendered::fileName)
                .containsExactly("application/zip", "informe-semestral-2027-S2-csv.zip");
        assertThat(rendering.render(REPORT, ReportFormat.XLSX)).extracting(Rendered::contentType, Rendered::fileName)
                .containsExactly("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "informe-semestral-2027-S2.xlsx");
        Rendered pdf = rendering.render(REPORT, ReportFormat.PDF);
        assertThat(pdf).extracting(Rendered::contentType, Rendered::fileName)
                .containsExactly("application/pdf", "informe-semestral-2027-S2.pdf");
        assertThat(pdf.contentDisposition()).isEqualTo("attachment; filename=\"informe-semestral-2027-S2.pdf\"");
    }

    @Test
    void shouldZipOneUtf8CsvWithBomPerTableInTheReportsOrder() throws IOException {
        Map<String, byte[]> files = unzip(rendering.render(REPORT, ReportFormat.CSV).body());

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            expected.add(String.format("%02d-%s.csv", i + 1, TABLES.get(i)));
        }
        assertThat(files.keySet()).containsExactlyElementsOf(expected);
        files.values().forEach(body -> assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF));

        List<Csv.Row> bajas = csv(files, "07-cuentas-dadas-de-baja.csv");
        assertThat(bajas.get(0).fields()).containsExactly("Baja el", "Id de la cuenta", "Red social", "Cuenta", "URL",
                "Clave del área", "Área", "Nivel", "Estado", "Motivo", "Observaciones");
        assertThat(bajas).hasSize(2);
        // A handle's "@" is one of the characters a spreadsheet takes for a formula: defused as the registry's export does.
        assertThat(bajas.get(1).fields()).containsExactly("2027-09-30", "00000000-0000-4000-8000-000000000006", "X (Twitter)",
                "'@SeCiudadanoCDD", "https://example.ine.mx/6", "CDD", "Centro para el Desarrollo Democrático", "Oficinas centrales",
                "Dada de baja", "Desaparición del Centro para el Desarrollo Democrático (CDD)",
                "Las cuentas se dieron de baja por la desaparición del Centro para el Desarrollo Democrático (CDD), y ya no iba a"
                        + " tener quién se encargara de ellas.");
    }

    @Test
    void shouldDefuseFormulaLookingTextButWriteNegativeNumbersAsNumbers() throws IOException {
        Map<String, byte[]> files = unzip(rendering.render(REPORT, ReportFormat.CSV).body());

        String permanence = new String(files.get("08-permanencia-de-cuentas.csv"), StandardCharsets.UTF_8);
        assertThat(permanence).contains(",\"'=HYPERLINK(\"\"https://malo.example\"\")\"\r\n");
        assertThat(Csv.restore(csv(files, "08-permanencia-de-cuentas.csv").get(2).fields().get(10)))
                .isEqualTo(SampleReports.FORMULA_OBSERVATION);

        // Facebook, district level: 2,300 followers at the end against 2,450 the cycle before.
        assertThat(csv(files, "09-estadisticas-por-red-y-nivel.csv")).anySatisfy(row -> assertThat(row.fields())
                .containsExactly("Facebook", "Junta distrital", "1", "followersAtEnd", "Seguidores al final", "2300", "2450", "-150",
                        "-6.1"));
        String statistics = new String(files.get("09-estadisticas-por-red-y-nivel.csv"), StandardCharsets.UTF_8);
        assertThat(statistics).contains(",2300,2450,-150,-6.1\r\n").doesNotContain("'-150");
    }

    @Test
    void shouldKeepTheModelsRowOrder() throws IOException {
        Map<String, byte[]> files = unzip(rendering.render(REPORT, ReportFormat.CSV).body());

        assertThat(csv(files, "13-calificaciones.csv").stream().skip(1).map(row -> Csv.restore(row.fields().get(2))))
                .containsExactly("@INEMexico", "INEMexico", "VotoExtranjeroMx", "@INEJalisco", "VocaliaCEyEC05NL");
        assertThat(csv(files, "15-peores-cuentas.csv").stream().skip(1).map(row -> Csv.restore(row.fields().get(2))))
                .containsExactly("VocaliaCEyEC05NL", "@INEJalisco", "VotoExtranjeroMx", "INEMexico", "@INEMexico");
        assertThat(csv(files, "10-publicaciones-por-hashtag.csv").stream().skip(1).map(row -> row.fields().get(1)))
                .containsExactly("#VotoInformado", "#ConsultaPopular2027", "#DíaDeLaDemocracia");
    }

    @Test
    void shouldWriteASheetPerTableWithHeadersAndNumbersAsNumbers() throws IOException {
        byte[] xlsx = rendering.render(REPORT, ReportFormat.XLSX).body();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(Sheet::getName)).containsExactlyElementsOf(TABLES);

            List<Row> totals = workbook.findSheet("estadisticas-por-red-y-nivel").orElseThrow().read();
            assertThat(totals.get(0).getCellAsString(5)).contains("Ciclo");
            Row xCentralFollowers = totals.stream()
                    .filter(row -> row.getCellAsString(0).orElse("").equals("X (Twitter)")
                            && row.getCellAsString(1).orElse("").equals("Oficinas centrales")
                            && row.getCellAsString(3).orElse("").equals("followers"))
                    .findFirst().orElseThrow();
            assertNumber(xCentralFollowers.getCell(5), "384052");
            assertNumber(xCentralFollowers.getCell(6), "341600");
            assertNumber(xCentralFollowers.getCell(7), "42452");

            List<Row> trainings = workbook.findSheet("capacitaciones").orElseThrow().read();
            assertThat(trainings).hasSize(3);
            assertThat(trainings.get(1).getCellAsString(2))
                    .contains("Uso institucional de redes sociales y protección de datos personales");
            assertNumber(trainings.get(1).getCell(3), "4.5");
            assertThat(trainings.get(1).getCell(1).asDate()).isEqualTo(LocalDateTime.of(2027, 9, 15, 0, 0));

            List<Row> dormant = workbook.findSheet("cuentas-inactivas").orElseThrow().read();
            assertThat(dormant.get(2).getCellAsString(5)).contains(SampleReports.VOCALIA.areaName());
            assertNumber(dormant.get(2).getCell(9), "135");
        }
    }

    @Test
    void shouldWriteTheInstitutesLetterInSpanishWithTablesChartsAndPageNumbers() throws IOException {
        byte[] pdf = rendering.render(REPORT, ReportFormat.PDF).body();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Words of a table cell wrap onto several lines: compare with the line breaks as spaces.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            int pages = document.getNumberOfPages();
            assertThat(text).contains("INSTITUTO NACIONAL ELECTORAL", "COORDINACIÓN NACIONAL DE COMUNICACIÓN SOCIAL",
                    "Oficio Núm. INE/CNCS/RS/2027-S2", "Ciudad de México, a 15 de enero de 2028.",
                    "Comité de Gestión y Publicación Electrónica",
                    "Informe semestral de las cuentas institucionales en redes sociales",
                    "periodo del 1 de julio de 2027 al 31 de diciembre de 2027",
                    "Cuentas dadas de baja / Observaciones", "Permanencia de cuentas / Observaciones",
                    "Desaparición del Centro para el Desarrollo Democrático (CDD)", "@SeCiudadanoCDD",
                    "Estadísticas por red social y nivel", "384,052", "341,600", "42,452", "-150",
                    "Distribución de calificaciones", "Pertinente con recomendaciones",
                    "Observaciones por área (Art. 14)", "Capacitaciones impartidas (Art. 6 V)",
                    "Lenguaje incluyente y accesibilidad en publicaciones", "Añadir subtítulos",
                    "Gráfica 1. Crecimiento de seguidores por red social", "Gráfica 2. Publicaciones por red social",
                    "Gráfica 3. Distribución de calificaciones", "Sin otro particular", "Atentamente,",
                    "Página 1 de " + pages, "Página " + pages + " de " + pages);
            // Charts are numbered in the order a reader meets them.
            assertThat(text.indexOf("Gráfica 1.")).isLessThan(text.indexOf("Gráfica 2.")).isPositive();
            assertThat(text.indexOf("Gráfica 2.")).isLessThan(text.indexOf("Gráfica 3."));
            assertThat(text).contains("Peñón");

            assertThat(images(document)).isEqualTo(3);
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });

            Calendar created = document.getDocumentInformation().getCreationDate();
            assertThat(created.toInstant()).isEqualTo(SampleReports.AS_OF);
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Informe semestral de las cuentas institucionales en redes sociales");
        }
        keepFirstPageAsPng(pdf);
    }

    @Test
    void shouldRenderTheSameReportToTheSameBytesInEveryFormat() throws IOException {
        for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.PDF)) {
            byte[] first = rendering.render(SampleReports.semester(), format).body();
            byte[] second = rendering.render(SampleReports.semester(), format).body();
            assertThat(second).as(format.name()).isEqualTo(first);
        }
        // Nothing is stamped with the wall clock: the packages carry the report's own instant (11:30 in Mexico City).
        for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.XLSX)) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(rendering.render(REPORT, format).body()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.of(2028, 1, 15, 11, 30));
                    String content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    if (entry.getName().equals("docProps/core.xml")) {
                        assertThat(content).contains(">2028-01-15T17:30:00Z</dcterms:created>");
                    }
                }
            }
        }
    }

    @Test
    void shouldRenderACycleWithEmptySectionsInEveryFormat() throws IOException {
        // Its last event came at 03:00 UTC on 2 January: still 1 January (21:00) in Mexico City, the letter's date.
        SemiannualReport empty = SampleReports.empty();

        Map<String, byte[]> files = unzip(rendering.render(empty, ReportFormat.CSV).body());
        assertThat(files).hasSize(TABLES.size());
        assertThat(csv(files, "07-cuentas-dadas-de-baja.csv")).hasSize(1);
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(rendering.render(empty, ReportFormat.XLSX).body()))) {
            assertThat(workbook.findSheet("cuentas-dadas-de-baja").orElseThrow().read()).hasSize(1);
        }
        try (PDDocument document = Loader.loadPDF(rendering.render(empty, ReportFormat.PDF).body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Ciudad de México, a 1 de enero de 2028.", "Cuentas dadas de baja / Observaciones",
                    "Sin registros en el periodo.");
            assertThat(images(document)).isEqualTo(3);
        }
    }

    private static void assertNumber(Cell cell, String expected) {
        assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).isEqualByComparingTo(new BigDecimal(expected));
    }

    /** Page 1 as a person sees it, kept under target/ (pdftoppm when installed, else PDFBox's own renderer). */
    private static void keepFirstPageAsPng(byte[] pdf) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "report-render"));
        Path file = directory.resolve("informe-semestral.pdf");
        Files.write(file, pdf);
        Path png = directory.resolve("informe-semestral-pagina-1.png");
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            try {
                Process process = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1",
                        "-singlefile", file.toString(), directory.resolve("informe-semestral-pagina-1").toString())
                        .redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isZero();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        } else {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", png.toFile());
            }
        }
        assertThat(png).exists();
    }
}
