package mx.ine.redes.reporting.report.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.render.ReportTables.Table;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The report as the Institute's own letter (seed 001): the letterhead on every page, the
 * reference number and the date in Spanish (from {@code heading.asOf} in Mexico City time), the
 * addressee, the title, a numbered section per part of the model with its tables and charts, the
 * closing, and "Página n de m" on every page. DejaVu Sans is embedded (subset). The document's
 * dates and its /ID come from the report, never the wall clock: the same report, the same bytes.
 */
final class PdfRendering {

    static final String INSTITUTE = "INSTITUTO NACIONAL ELECTORAL";
    static final String COORDINATION = "Coordinación Nacional de Comunicación Social";
    static final String COMMITTEE = "Comité de Gestión y Publicación Electrónica";

    private static final Locale SPANISH_MEXICO = Locale.forLanguageTag("es-MX");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", SPANISH_MEXICO);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", SPANISH_MEXICO);
    private static final float[] MAGENTA = {0.71f, 0f, 0.43f};
    private static final float[] GREY_TEXT = {0.35f, 0.35f, 0.35f};
    private static final float[] HEADER_FILL = {0.89f, 0.89f, 0.89f};
    private static final float[] STRIPE_FILL = {0.97f, 0.97f, 0.97f};

    private static final float MARGIN = 56;
    private static final float TOP = PDRectangle.A4.getHeight() - 100;
    private static final float BOTTOM = 60;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 10;
    private static final float CELL = 7.5f;
    private static final float PADDING = 3;

    /** What the letterhead, the footer and the document's metadata say: the same for any document this class writes. */
    record Letterhead(String reference, String title, Instant asOf, String idSeed) {

        static Letterhead of(SemiannualReport report) {
            var heading = report.heading();
            return new Letterhead(heading.reference(), heading.title(), heading.asOf(),
                    nonNull(heading.reference()) + "|" + heading.cycleId() + "|" + heading.asOf());
        }
    }

    /** A document's body, written between the first letterhead and the page numbers with this class's verbs. */
    @FunctionalInterface
    interface Body {
        void write(PdfRendering pdf) throws IOException;
    }

    private final Letterhead letterhead;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private PDDocument document;
    private PDType0Font regular;
    private PDType0Font bold;
    private PDPageContentStream content;
    private float y;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final Map<PDType0Font, Map<Integer, Float>> widths = new HashMap<>();
    // One per document (a NumberFormat is not thread-safe, a document is written by one thread) rather than one per cell.
    private final NumberFormat decimals = NumberFormat.getNumberInstance(SPANISH_MEXICO);

    private PdfRendering(Letterhead letterhead, List<Table> tables) {
        this.letterhead = letterhead;
        tables.forEach(table -> this.tables.put(table.name(), table));
    }

    static byte[] render(SemiannualReport report) {
        return render(Letterhead.of(report), ReportTables.of(report), pdf -> pdf.letter(report));
    }

    /** Any document as the Institute's letter: {@code body} names the tables it prints by {@link Table#name()}. */
    static byte[] render(Letterhead letterhead, List<Table> tables, Body body) {
        return new PdfRendering(letterhead, tables).write(body);
    }

    private byte[] write(Body body) {
        try (PDDocument pdf = new PDDocument()) {
            document = pdf;
            regular = PDType0Font.load(pdf, new ByteArrayInputStream(ReportCharts.Fonts.ttf(false)), true);
            bold = PDType0Font.load(pdf, new ByteArrayInputStream(ReportCharts.Fonts.ttf(true)), true);
            metadata();
            newPage();
            body.write(this);
            content.close();
            pageNumbers();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the letter -----------------------------------------------------------------------------------

    private void letter(SemiannualReport report) throws IOException {
        var heading = report.heading();
        opening("Ciclo " + nonNull(heading.cycleId()) + " · periodo del " + longDate(heading.periodStart()) + " al "
                + longDate(heading.periodEnd()));
        var inventory = report.inventory();
        paragraph("En cumplimiento de los artículos 6, fracción V, y 8, fracción I, la " + COORDINATION
                + " informa al Comité sobre las cuentas institucionales del Instituto en redes sociales durante el periodo."
                + " Al corte de este informe el inventario registra " + number(inventory.total()) + " cuentas; en el periodo se"
                + " registraron " + number(inventory.registered().size()) + " y se dieron de baja "
                + number(inventory.decommissioned().size()) + ". Me permito informar a usted lo siguiente:");

        section("1. Resumen de cifras");
        table("resumen");

        section("2. Inventario de cuentas");
        table("inventario-por-nivel");
        table("inventario-por-red");
        table("inventario-por-area");
        table("inventario-por-estado");
        table("cuentas-registradas");
        table("cuentas-dadas-de-baja");
        table("permanencia-de-cuentas");

        section("3. Estadísticas de las cuentas");
        var statistics = report.statistics();
        paragraph("Se solicitaron estadísticas a " + number(statistics.accountsRequested()) + " cuentas, de las cuales "
                + number(statistics.accountsReporting()) + " las entregaron. Las cifras del ciclo se comparan con las del"
                + " ciclo anterior de las mismas cuentas.");
        chart(ReportCharts.followerGrowth(report));
        chart(ReportCharts.postsByNetwork(report));
        table("estadisticas-por-red-y-nivel");
        table("publicaciones-por-hashtag");
        table("audiencia");

        section("4. Resultados de la evaluación");
        var evaluation = report.evaluation();
        paragraph("Se concluyeron " + number(evaluation.completed()) + " evaluaciones, " + number(evaluation.completedLate())
                + " de ellas fuera del plazo de 10 días hábiles; " + number(evaluation.open()) + " siguen abiertas.");
        chart(ReportCharts.ratingDistribution(report));
        table("distribucion-calificaciones");
        table("mejores-cuentas");
        table("peores-cuentas");
        table("calificaciones");

        section("5. Observaciones (Art. 14)");
        var observations = report.observations();
        paragraph("Se emitieron " + number(observations.issued()) + " observaciones: " + number(observations.correctedOnTime())
                + " fueron atendidas en tiempo, " + number(observations.correctedLate()) + " fuera de tiempo y "
                + number(observations.notCorrected()) + " no fueron atendidas.");
        table("observaciones-por-area");

        section("6. Escalamientos e incumplimientos reportados al Comité (Art. 15)");
        table("escalamientos-por-area");
        table("incumplimientos-comite");
        table("resoluciones-del-informe");

        section("7. Cuentas inactivas y propuestas de baja");
        table("cuentas-inactivas");
        table("propuestas-de-baja");

        section("8. Capacitaciones (Art. 6 V)");
        table("capacitaciones");

        section("9. Recomendaciones");
        table("recomendaciones-por-estado");
        table("recomendaciones");

        closing();
    }

    /** The reference, place and date, the addressee, the title and {@code subtitle} under it. */
    void opening(String subtitle) throws IOException {
        rightAligned("Oficio Núm. " + nonNull(letterhead.reference()), bold, BODY);
        rightAligned(place(), regular, BODY);
        gap(14);
        line(COMMITTEE, bold, BODY, MARGIN);
        line("Presente", regular, BODY, MARGIN);
        gap(14);
        centered(nonNull(letterhead.title()), bold, 12.5f);
        centered(subtitle, regular, BODY);
        gap(10);
    }

    /** The courtesy closing and the signature block. */
    void closing() throws IOException {
        gap(18);
        paragraph("Sin otro particular, aprovecho la ocasión para enviarle un cordial saludo.");
        gap(10);
        ensure(4 * leading(BODY));
        line("Atentamente,", regular, BODY, MARGIN);
        gap(16);
        line(COORDINATION, bold, BODY, MARGIN);
        line(INSTITUTE, regular, BODY, MARGIN);
    }

    private String place() {
        Instant asOf = letterhead.asOf();
        return asOf == null ? "Ciudad de México" : "Ciudad de México, a " + longDate(ReportTables.dateInMexico(asOf)) + ".";
    }

    // --- tables -----------------------------------------------------------------------------------------

    void table(String name) throws IOException {
        Table table = tables.get(name);
        List<Integer> printed = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).printed()) {
                printed.add(c);
            }
        }
        List<String> headers = printed.stream().map(c -> table.columns().get(c).heading()).toList();
        List<List<String>> cells = new ArrayList<>();
        // A column is right-aligned, header included, when it holds numbers and nothing else.
        boolean[] numeric = new boolean[printed.size()];
        boolean[] text = new boolean[printed.size()];
        for (List<Object> row : table.rows()) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < printed.size(); i++) {
                Object value = row.get(printed.get(i));
                numeric[i] |= value instanceof Number;
                text[i] |= value != null && !(value instanceof Number);
                texts.add(cell(value));
            }
            cells.add(texts);
        }
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] &= !text[i];
        }
        float[] widths = widths(headers, cells);
        List<List<String>> headerLines = wrapAll(headers, widths, bold);
        // The title, the header and the first row stay together: a heading is never left alone at a page's foot.
        float firstRow = cells.isEmpty() ? leading(CELL) + 2 * PADDING : rowHeight(wrapAll(cells.get(0), widths, regular));
        ensure(6 + leading(BODY) + rowHeight(headerLines) + firstRow);
        gap(4);
        line(nonNull(table.title()), bold, BODY, MARGIN);
        gap(2);
        drawRow(headerLines, widths, numeric, bold, HEADER_FILL);
        if (cells.isEmpty()) {
            List<String> none = new ArrayList<>();
            none.add("Sin registros en el periodo.");
            drawRow(List.of(none), new float[] {sum(widths)}, new boolean[1], regular, null);
        }
        for (int r = 0; r < cells.size(); r++) {
            List<List<String>> lines = wrapAll(cells.get(r), widths, regular);
            float height = rowHeight(lines);
            if (y - height < BOTTOM) {
                newPage();
                drawRow(headerLines, widths, numeric, bold, HEADER_FILL);
            }
            drawRow(lines, widths, numeric, regular, r % 2 == 1 ? STRIPE_FILL : null);
        }
        gap(8);
    }

    /** Natural widths (capped) filling the page; a column gets at least its longest word, or a fair share when that cannot fit. */
    private float[] widths(List<String> headers, List<List<String>> rows) throws IOException {
        int n = headers.size();
        float[] natural = new float[n];
        float[] minimum = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = textWidth(headers.get(c), bold, CELL);
            minimum[c] = longestWord(headers.get(c), bold);
        }
        int sampled = 0;
        for (List<String> row : rows) {
            if (sampled++ > 400) {
                break;
            }
            for (int c = 0; c < n; c++) {
                natural[c] = Math.max(natural[c], Math.min(220, textWidth(row.get(c), regular, CELL)));
                minimum[c] = Math.max(minimum[c], Math.min(90, longestWord(row.get(c), regular)));
            }
        }
        float available = WIDTH - n * 2 * PADDING;
        float[] widths = new float[n];
        float naturalSum = 0;
        float minimumSum = 0;
        for (int c = 0; c < n; c++) {
            naturalSum += natural[c];
            minimumSum += minimum[c];
        }
        for (int c = 0; c < n; c++) {
            if (naturalSum <= available) {
                float target = Math.min(available, Math.max(naturalSum * 1.8f, available * 0.45f));
                widths[c] = natural[c] * target / naturalSum;
            } else if (minimumSum <= available) {
                float slack = naturalSum - minimumSum;
                widths[c] = minimum[c] + (slack == 0 ? 0 : (natural[c] - minimum[c]) * (available - minimumSum) / slack);
            } else {
                widths[c] = minimum[c] * available / minimumSum;
            }
            widths[c] += 2 * PADDING;
        }
        return widths;
    }

    private List<List<String>> wrapAll(List<String> texts, float[] widths, PDType0Font font) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            // A column as wide as its longest word must hold it: (w + 2p) - 2p can come back a hair under w in floats.
            lines.add(wrap(texts.get(c), font, CELL, widths[c] - 2 * PADDING + 0.01f));
        }
        return lines;
    }

    private static float sum(float[] widths) {
        float sum = 0;
        for (float width : widths) {
            sum += width;
        }
        return sum;
    }

    private float rowHeight(List<List<String>> lines) {
        int most = 1;
        for (List<String> cellLines : lines) {
            most = Math.max(most, cellLines.size());
        }
        return most * leading(CELL) + 2 * PADDING;
    }

    private void drawRow(List<List<String>> lines, float[] widths, boolean[] numeric, PDType0Font font, float[] fill)
            throws IOException {
        float height = rowHeight(lines);
        if (y - height < BOTTOM) {
            newPage();
        }
        float top = y;
        float tableWidth = sum(widths);
        if (fill != null) {
            content.setNonStrokingColor(fill[0], fill[1], fill[2]);
            content.addRect(MARGIN, top - height, tableWidth, height);
            content.fill();
        }
        content.setStrokingColor(0.75f, 0.75f, 0.75f);
        content.setLineWidth(0.4f);
        content.moveTo(MARGIN, top - height);
        content.lineTo(MARGIN + tableWidth, top - height);
        content.stroke();
        content.setNonStrokingColor(0f, 0f, 0f);
        float x = MARGIN;
        for (int c = 0; c < lines.size(); c++) {
            float baseline = top - PADDING - CELL;
            for (String text : lines.get(c)) {
                float textX = numeric[c] ? x + widths[c] - PADDING - textWidth(text, font, CELL) : x + PADDING;
                show(text, font, CELL, textX, baseline);
                baseline -= leading(CELL);
            }
            x += widths[c];
        }
        y = top - height;
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            decimals.setMinimumFractionDigits(Math.max(0, Math.min(2, decimal.scale())));
            decimals.setMaximumFractionDigits(Math.max(0, decimal.scale()));
            return decimals.format(decimal);
        }
        if (value instanceof Number number) {
            return number(number.longValue());
        }
        if (value instanceof LocalDate date) {
            return SHORT_DATE.format(date);
        }
        return value.toString();
    }

    // --- charts -----------------------------------------------------------------------------------------

    void chart(ReportCharts.Chart chart) throws IOException {
        float height = chart.height() * WIDTH / chart.width() * 0.85f;
        float width = WIDTH * 0.85f;
        ensure(height + leading(CELL) + 12);
        PDImageXObject image = flate(chart.image());
        gap(4);
        content.drawImage(image, MARGIN + (WIDTH - width) / 2, y - height, width, height);
        y -= height + 2;
        centered(chart.caption(), regular, CELL + 0.5f);
        gap(6);
    }

    /**
     * The chart as RGB samples, deflated: lossless like LosslessFactory, without its PNG predictors, which try five
     * filters on every row and cost more than the rest of the document (a chart is flat colour, it deflates well
     * without them). Deterministic: the same picture, the same bytes.
     */
    private PDImageXObject flate(BufferedImage picture) throws IOException {
        int width = picture.getWidth();
        int height = picture.getHeight();
        byte[] samples = new byte[width * height * 3];
        int[] row = new int[width];
        int i = 0;
        for (int line = 0; line < height; line++) {
            picture.getRGB(0, line, width, 1, row, 0, width);
            for (int pixel : row) {
                samples[i++] = (byte) (pixel >> 16);
                samples[i++] = (byte) (pixel >> 8);
                samples[i++] = (byte) pixel;
            }
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(samples.length / 16);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater, 64 * 1024)) {
            out.write(samples);
        } finally {
            deflater.end();
        }
        return new PDImageXObject(document, new ByteArrayInputStream(deflated.toByteArray()), COSName.FLATE_DECODE, width, height, 8,
                PDDeviceRGB.INSTANCE);
    }

    // --- text -------------------------------------------------------------------------------------------

    /** A section whose first thing is a chart: the heading moves to the next page with it rather than stay alone at the foot. */
    void sectionBeforeChart(String title) throws IOException {
        ensure(leading(11.5f) + 16 + 6 + WIDTH * ReportCharts.HEIGHT / ReportCharts.WIDTH * 0.85f + leading(CELL) + 12);
        section(title);
    }

    void section(String title) throws IOException {
        ensure(leading(11.5f) + 60);
        gap(8);
        line(title, bold, 11.5f, MARGIN);
        content.setStrokingColor(MAGENTA[0], MAGENTA[1], MAGENTA[2]);
        content.setLineWidth(0.6f);
        content.moveTo(MARGIN, y - 1);
        content.lineTo(MARGIN + WIDTH, y - 1);
        content.stroke();
        gap(8);
    }

    void paragraph(String text) throws IOException {
        for (String line : wrap(text, regular, BODY, WIDTH)) {
            line(line, regular, BODY, MARGIN);
        }
        gap(4);
    }

    private void line(String text, PDType0Font font, float size, float x) throws IOException {
        ensure(leading(size));
        y -= leading(size);
        show(text, font, size, x, y + leading(size) - size);
    }

    private void rightAligned(String text, PDType0Font font, float size) throws IOException {
        line(text, font, size, MARGIN + WIDTH - textWidth(text, font, size));
    }

    private void centered(String text, PDType0Font font, float size) throws IOException {
        for (String line : wrap(text, font, size, WIDTH)) {
            line(line, font, size, MARGIN + (WIDTH - textWidth(line, font, size)) / 2);
        }
    }

    private void show(String text, PDType0Font font, float size, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(text, font));
        content.endText();
    }

    private void gap(float points) {
        y -= points;
    }

    private static float leading(float size) {
        return size * 1.3f;
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Words broken to fit {@code width}; a word longer than the width is cut. Line breaks in the text are kept. */
    private List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (textWidth(candidate, font, size) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                while (textWidth(rest, font, size) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && textWidth(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    private float longestWord(String text, PDType0Font font) throws IOException {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, textWidth(word, font, CELL));
        }
        return longest;
    }

    /** Widths add up glyph by glyph (the text is shown without kerning), so each code point's width is looked up once. */
    private float textWidth(String text, PDType0Font font, float size) throws IOException {
        Map<Integer, Float> known = widths.computeIfAbsent(font, f -> new HashMap<>());
        String printable = printable(text, font);
        float width = 0;
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            Float glyph = known.get(codePoint);
            if (glyph == null) {
                glyph = font.getStringWidth(new String(Character.toChars(codePoint)));
                known.put(codePoint, glyph);
            }
            width += glyph;
            i += Character.charCount(codePoint);
        }
        return width / 1000f * size;
    }

    /** The text with characters the font has no glyph for (emoji in a handle, control characters) shown as "?". */
    private String printable(String text, PDType0Font font) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean ok = known.computeIfAbsent(codePoint, cp -> {
                if (Character.isISOControl(cp)) {
                    return false;
                }
                try {
                    font.encode(new String(Character.toChars(cp)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
            if (!ok && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append('?');
                }
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? text : out.toString();
    }

    // --- pages ------------------------------------------------------------------------------------------

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        float top = PDRectangle.A4.getHeight() - 48;
        content.setNonStrokingColor(0f, 0f, 0f);
        show(INSTITUTE, bold, 13, MARGIN, top);
        content.setNonStrokingColor(GREY_TEXT[0], GREY_TEXT[1], GREY_TEXT[2]);
        show(COORDINATION.toUpperCase(SPANISH_MEXICO), regular, 8.5f, MARGIN, top - 14);
        content.setNonStrokingColor(0f, 0f, 0f);
        content.setStrokingColor(MAGENTA[0], MAGENTA[1], MAGENTA[2]);
        content.setLineWidth(1.5f);
        content.moveTo(MARGIN, top - 22);
        content.lineTo(MARGIN + WIDTH, top - 22);
        content.stroke();
        y = TOP;
    }

    private void pageNumbers() throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footer;
                String number = "Página " + (i + 1) + " de " + pages;
                footer.setNonStrokingColor(GREY_TEXT[0], GREY_TEXT[1], GREY_TEXT[2]);
                show(nonNull(letterhead.reference()), regular, 7.5f, MARGIN, 34);
                show(number, regular, 7.5f, MARGIN + WIDTH - textWidth(number, regular, 7.5f), 34);
            }
        }
        content = null;
    }

    /** Title, author and dates from the report; the /ID from its reference and instant (PDFBox would otherwise use the clock). */
    private void metadata() {
        var heading = letterhead;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(nonNull(heading.title()));
        info.setSubject(nonNull(heading.reference()));
        info.setAuthor(INSTITUTE + " · " + COORDINATION);
        info.setCreator("reporting-service");
        info.setProducer("reporting-service (Apache PDFBox)");
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ReportTables.MEXICO_CITY), SPANISH_MEXICO);
        date.setTimeInMillis(heading.asOf() == null ? 0 : heading.asOf().toEpochMilli() / 1000 * 1000);
        info.setCreationDate(date);
        info.setModificationDate(date);
        byte[] id = digest(heading.idSeed());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            byte[] id = new byte[16];
            System.arraycopy(sha, 0, id, 0, 16);
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String longDate(LocalDate date) {
        return date == null ? "—" : LONG_DATE.format(date);
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(SPANISH_MEXICO).format(value);
    }

    static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
