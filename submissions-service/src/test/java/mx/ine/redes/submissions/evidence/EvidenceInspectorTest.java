package mx.ine.redes.submissions.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence is recognised by its content and refused, naming its field, unless it is a whole PNG, JPEG or PDF. */
class EvidenceInspectorTest {

    private static final String FIELD = "evidence[2]";

    private final EvidenceInspector inspector = new EvidenceInspector();

    @TempDir
    Path directory;

    @Test
    void shouldRecogniseARealPng() throws IOException {
        Path png = write("captura.png", png(drawing(320, 200)));

        assertThat(inspector.inspect(png, "captura.png", FIELD)).isEqualTo(EvidenceType.PNG);
    }

    @Test
    void shouldRecogniseAPalettePngAndAGreyOne() throws IOException {
        BufferedImage palette = new BufferedImage(120, 80, BufferedImage.TYPE_BYTE_INDEXED);
        palette.createGraphics().drawImage(drawing(120, 80), 0, 0, null);
        Path indexed = write("paleta.png", png(palette));
        Path grey = write("gris.png", png(new BufferedImage(120, 80, BufferedImage.TYPE_USHORT_GRAY)));

        assertThat(inspector.inspect(indexed, "paleta.png", FIELD)).isEqualTo(EvidenceType.PNG);
        assertThat(inspector.inspect(grey, "gris.png", FIELD)).isEqualTo(EvidenceType.PNG);
    }

    @Test
    void shouldRecogniseARealJpeg() throws IOException {
        Path jpeg = write("foto.jpg", jpeg(drawing(320, 200)));

        assertThat(inspector.inspect(jpeg, "foto.jpg", FIELD)).isEqualTo(EvidenceType.JPEG);
    }

    @Test
    void shouldRecogniseARealOnePagePdf() throws IOException {
        Path pdf = directory.resolve("oficio.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }

        assertThat(inspector.inspect(pdf, "oficio.pdf", FIELD)).isEqualTo(EvidenceType.PDF);
    }

    @Test
    void shouldRecogniseTheTypeByContentWhateverTheName() throws IOException {
        Path jpegNamedPng = write("captura.png", jpeg(drawing(64, 64)));

        assertThat(inspector.inspect(jpegNamedPng, "captura.png", FIELD)).isEqualTo(EvidenceType.JPEG);
    }

    @Test
    void shouldRefuseAnEmptyFile() throws IOException {
        Path empty = write("vacio.png", new byte[0]);

        assertRefused(empty, "vacio.png",
                "El archivo «vacio.png» está vacío.",
                "The file «vacio.png» is refused: it is empty.");
    }

    @Test
    void shouldRefuseAPngCutInHalf() throws IOException {
        byte[] whole = png(noise(200, 200, 1));
        Path truncated = write("captura.png", Arrays.copyOf(whole, whole.length / 2));

        assertRefused(truncated, "captura.png",
                "El archivo «captura.png» no es una imagen PNG válida: está truncado.",
                "The file «captura.png» is not a valid PNG image: it is truncated.");
    }

    @Test
    void shouldRefuseAPngSignatureFollowedByGarbage() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path fake = write("captura.png", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, garbage));

        ProblemException refusal = refusal(fake, "captura.png");

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(FIELD);
            assertThat(violation.message().es()).startsWith("El archivo «captura.png» no es una imagen PNG válida: está dañado");
            assertThat(violation.message().en()).startsWith("The file «captura.png» is not a valid PNG image: it is damaged");
        });
    }

    @Test
    void shouldRefuseAPngWhoseDataChunkWasAltered() throws IOException {
        byte[] png = png(noise(100, 100, 2));
        png[png.length / 2] ^= 0x55;                 // inside the image data: its CRC no longer matches
        Path damaged = write("captura.png", png);

        assertRefused(damaged, "captura.png",
                "El archivo «captura.png» no es una imagen PNG válida: está dañado (la suma de verificación de un bloque no coincide).",
                "The file «captura.png» is not a valid PNG image: it is damaged (a chunk's checksum does not match).");
    }

    @Test
    void shouldRefuseAPngWithSomethingAppendedAfterItsEnd() throws IOException {
        Path polyglot = write("captura.png", concat(png(drawing(50, 50)), "PK\3\4 a zip after the image".getBytes(StandardCharsets.US_ASCII)));

        assertRefused(polyglot, "captura.png",
                "El archivo «captura.png» no es una imagen PNG válida: tiene datos después de su final.",
                "The file «captura.png» is not a valid PNG image: it has data after its end.");
    }

    @Test
    void shouldRefuseAPngWhoseCompressedDataIsNotAnImage() throws IOException {
        // Every chunk well formed and its CRC right, but the IDAT holds no zlib stream.
        byte[] notZlib = new byte[600];
        new Random(3).nextBytes(notZlib);
        Path fake = write("captura.png", pngFile(ihdr(40, 40), chunk("IDAT", notZlib)));

        assertRefused(fake, "captura.png",
                "El archivo «captura.png» no es una imagen PNG válida: está dañado (no se puede decodificar).",
                "The file «captura.png» is not a valid PNG image: it is damaged (it cannot be decoded).");
    }

    @Test
    void shouldRefuseAPngClaimingAHugeCanvasBeforeDecodingIt() throws IOException {
        // A decompression bomb's header: 100 000 × 100 000 pixels (10 gigapixels) in a few bytes.
        Path bomb = write("bomba.png", pngFile(ihdr(100_000, 100_000), chunk("IDAT", deflated(new byte[1000]))));

        assertRefused(bomb, "bomba.png",
                "El archivo «bomba.png» no es una imagen PNG válida: mide 100000 × 100000 píxeles; el máximo es de 100 megapíxeles.",
                "The file «bomba.png» is not a valid PNG image: it measures 100000 × 100000 pixels; the maximum is 100 megapixels.");
    }

    @Test
    void shouldRefuseAJpegWithoutItsEnd() throws IOException {
        byte[] jpeg = jpeg(noise(120, 80, 4));
        assertThat(jpeg[jpeg.length - 2] & 0xff).isEqualTo(0xff);
        assertThat(jpeg[jpeg.length - 1] & 0xff).isEqualTo(0xd9);
        Path withoutEoi = write("foto.jpg", Arrays.copyOf(jpeg, jpeg.length - 2));

        assertRefused(withoutEoi, "foto.jpg",
                "El archivo «foto.jpg» no es una imagen JPEG válida: está truncado.",
                "The file «foto.jpg» is not a valid JPEG image: it is truncated.");
    }

    @Test
    void shouldRefuseAJpegCutInHalf() throws IOException {
        byte[] jpeg = jpeg(noise(200, 200, 5));
        Path truncated = write("foto.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

        assertRefused(truncated, "foto.jpg",
                "El archivo «foto.jpg» no es una imagen JPEG válida: está truncado.",
                "The file «foto.jpg» is not a valid JPEG image: it is truncated.");
    }

    @Test
    void shouldAcceptAMultiPictureJpegWithItsSecondPicture() throws IOException {
        // A phone camera's HDR photo: the primary picture declares (MPF) a gain map stored after its end.
        byte[] primary = withMultiPictureSegment(jpeg(drawing(160, 120)));
        Path photo = write("foto.jpg", concat(primary, jpeg(drawing(40, 30))));

        assertThat(inspector.inspect(photo, "foto.jpg", FIELD)).isEqualTo(EvidenceType.JPEG);
    }

    @Test
    void shouldRefuseAJpegFollowedByAnotherFileItDoesNotDeclare() throws IOException {
        Path secondPicture = write("foto.jpg", concat(jpeg(drawing(160, 120)), jpeg(drawing(40, 30))));
        Path zip = write("foto.jpg", concat(withMultiPictureSegment(jpeg(drawing(160, 120))),
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}));

        for (Path polyglot : List.of(secondPicture, zip)) {
            assertRefused(polyglot, "foto.jpg",
                    "El archivo «foto.jpg» no es una imagen JPEG válida: tiene datos después de su final.",
                    "The file «foto.jpg» is not a valid JPEG image: it has data after its end.");
        }
    }

    @Test
    void shouldRefuseAPdfHeaderFollowedByGarbage() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(11).nextBytes(garbage);
        Path fake = write("oficio.pdf", concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage));

        assertRefused(fake, "oficio.pdf",
                "El archivo «oficio.pdf» no es un documento PDF válido: no termina como un PDF (está truncado o no es un PDF).",
                "The file «oficio.pdf» is not a valid PDF document: it does not end like a PDF (it is truncated or no PDF at all).");
    }

    @Test
    void shouldRefuseGarbageBetweenAPdfHeaderAndAPdfEnd() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(13).nextBytes(garbage);
        Path fake = write("oficio.pdf", concat(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage),
                "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));

        assertRefused(fake, "oficio.pdf",
                "El archivo «oficio.pdf» no es un documento PDF válido: no se puede abrir.",
                "The file «oficio.pdf» is not a valid PDF document: it cannot be opened.");
    }

    @Test
    void shouldRefuseAPdfWithoutPages() throws IOException {
        Path pdf = directory.resolve("vacio.pdf");
        try (PDDocument document = new PDDocument()) {
            document.save(pdf.toFile());
        }

        assertRefused(pdf, "vacio.pdf",
                "El archivo «vacio.pdf» no es un documento PDF válido: no tiene ninguna página.",
                "The file «vacio.pdf» is not a valid PDF document: it has no page.");
    }

    @Test
    void shouldRefuseAPdfThatNeedsAPasswordToBeRead() throws IOException {
        Path pdf = directory.resolve("protegido.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("propietario", "lector", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(pdf.toFile());
        }

        assertRefused(pdf, "protegido.pdf",
                "El archivo «protegido.pdf» no es un documento PDF válido: está protegido con contraseña.",
                "The file «protegido.pdf» is not a valid PDF document: it is protected by a password.");
    }

    @Test
    void shouldRefuseAPdfCutInHalf() throws IOException {
        byte[] whole = pdf(document -> document.addPage(new PDPage()));
        Path truncated = write("oficio.pdf", Arrays.copyOf(whole, whole.length / 2));

        assertRefused(truncated, "oficio.pdf",
                "El archivo «oficio.pdf» no es un documento PDF válido: no termina como un PDF (está truncado o no es un PDF).",
                "The file «oficio.pdf» is not a valid PDF document: it does not end like a PDF (it is truncated or no PDF at all).");
    }

    @Test
    void shouldRefuseAPdfThatRunsJavaScriptWhenOpened() throws IOException {
        Path pdf = write("oficio.pdf", pdf(document -> {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hola');"));
        }));

        assertRefused(pdf, "oficio.pdf", ACTIVE_PDF_ES, ACTIVE_PDF_EN);
    }

    @Test
    void shouldRefuseAPdfCarryingAnAttachedFile() throws IOException {
        Path pdf = write("oficio.pdf", pdf(document -> {
            document.addPage(new PDPage());
            PDComplexFileSpecification attached = new PDComplexFileSpecification();
            attached.setFile("programa.exe");
            attached.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(new byte[] {'M', 'Z', 0, 0})));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("programa.exe", attached));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        }));

        assertRefused(pdf, "oficio.pdf", ACTIVE_PDF_ES, ACTIVE_PDF_EN);
    }

    @Test
    void shouldAcceptAPdfWithALinkToAWebPage() throws IOException {
        Path pdf = write("oficio.pdf", pdf(document -> {
            PDPage page = new PDPage();
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(10, 10, 100, 20));
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://x.com/INEMexico");
            link.setAction(uri);
            page.getAnnotations().add(link);
            document.addPage(page);
        }));

        assertThat(inspector.inspect(pdf, "oficio.pdf", FIELD)).isEqualTo(EvidenceType.PDF);
    }

    @Test
    void shouldRefuseAJpegClaimingAHugeCanvas() throws IOException {
        byte[] jpeg = jpeg(drawing(64, 48));
        int frame = indexOfFrameHeader(jpeg);
        jpeg[frame + 5] = (byte) 0xff;             // height 65 535
        jpeg[frame + 6] = (byte) 0xff;
        jpeg[frame + 7] = (byte) 0xff;             // width 65 535
        jpeg[frame + 8] = (byte) 0xff;
        Path bomb = write("foto.jpg", jpeg);

        assertRefused(bomb, "foto.jpg",
                "El archivo «foto.jpg» no es una imagen JPEG válida: mide 65535 × 65535 píxeles; el máximo es de 100 megapíxeles.",
                "The file «foto.jpg» is not a valid JPEG image: it measures 65535 × 65535 pixels; the maximum is 100 megapixels.");
    }

    @Test
    void shouldAcceptAnImageOfExactlyTheMaximumSizeAndRefuseOnePixelRowMore() throws IOException {
        EvidenceInspector oneMegapixel = new EvidenceInspector(1_000_000);
        Path atTheLimit = write("limite.png", png(drawing(1000, 1000)));
        Path beyond = write("grande.png", png(drawing(1000, 1001)));

        assertThat(oneMegapixel.inspect(atTheLimit, "limite.png", FIELD)).isEqualTo(EvidenceType.PNG);
        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> oneMegapixel.inspect(beyond, "grande.png", FIELD));
        assertThat(refusal.violations()).singleElement().extracting(violation -> violation.message().es()).isEqualTo(
                "El archivo «grande.png» no es una imagen PNG válida: mide 1000 × 1001 píxeles; el máximo es de 1 megapíxeles.");
    }

    @Test
    void shouldDecodeALargeImageWhole() throws IOException {
        // 6 megapixels: decoded keeping one pixel in four, every row still inflated and checked.
        BufferedImage large = new BufferedImage(3000, 2000, BufferedImage.TYPE_BYTE_GRAY);
        Path png = write("pantalla.png", png(large));
        Path jpeg = write("pantalla.jpg", jpeg(large));

        assertThat(inspector.inspect(png, "pantalla.png", FIELD)).isEqualTo(EvidenceType.PNG);
        assertThat(inspector.inspect(jpeg, "pantalla.jpg", FIELD)).isEqualTo(EvidenceType.JPEG);
    }

    @Test
    void shouldRefuseAnExecutableRenamedPng() throws IOException {
        byte[] elf = new byte[512];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        Path renamed = write("captura.png", elf);

        assertRefused(renamed, "captura.png",
                "El archivo «captura.png» no es una imagen PNG o JPEG ni un documento PDF: es un programa o un archivo comprimido.",
                "The file «captura.png» is not a PNG or JPEG image nor a PDF document: it is a program or an archive.");
    }

    @Test
    void shouldRefuseAWindowsProgramAndAZipRenamedAsEvidence() throws IOException {
        Path pe = write("oficio.pdf", concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[300]));
        Path zip = write("foto.jpg", concat(new byte[] {'P', 'K', 3, 4}, new byte[300]));

        assertThat(refusal(pe, "oficio.pdf").violations()).singleElement().extracting(Violation::message).isEqualTo(Text.of(
                "El archivo «oficio.pdf» no es una imagen PNG o JPEG ni un documento PDF: es un programa o un archivo comprimido.",
                "The file «oficio.pdf» is not a PNG or JPEG image nor a PDF document: it is a program or an archive."));
        assertThat(refusal(zip, "foto.jpg").violations()).singleElement().extracting(Violation::field).isEqualTo(FIELD);
    }

    @Test
    void shouldRefuseTextWhateverItsName() throws IOException {
        Path text = write("captura.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        assertRefused(text, "captura.png",
                "El archivo «captura.png» no es una imagen PNG o JPEG ni un documento PDF.",
                "The file «captura.png» is not a PNG or JPEG image nor a PDF document.");
    }

    @Test
    void shouldQuoteTheGivenNameWithoutItsPathOrControlCharacters() throws IOException {
        Path empty = write("x", new byte[0]);

        assertRefused(empty, "../../tmp/capt\u0000ura\r\n.png",
                "El archivo «capt ura .png» está vacío.",
                "The file «capt ura .png» is refused: it is empty.");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void assertRefused(Path file, String givenName, String spanish, String english) {
        ProblemException refusal = refusal(file, givenName);
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.detail()).isEqualTo(Text.of(spanish, english));
        assertThat(refusal.violations()).containsExactly(Violation.field(FIELD, Text.of(spanish, english)));
    }

    private ProblemException refusal(Path file, String givenName) {
        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> inspector.inspect(file, givenName, FIELD));
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(Files.createTempFile(directory, "upload", name), content);
    }

    private static final String ACTIVE_PDF_ES = "El archivo «oficio.pdf» no es un documento PDF válido: contiene código "
            + "JavaScript, acciones automáticas o archivos adjuntos, que una evidencia no puede llevar.";
    private static final String ACTIVE_PDF_EN = "The file «oficio.pdf» is not a valid PDF document: it carries JavaScript, "
            + "automatic actions or attached files, which evidence may not.";

    private interface DocumentContent {
        void fill(PDDocument document) throws IOException;
    }

    private static byte[] pdf(DocumentContent content) throws IOException {
        try (PDDocument document = new PDDocument()) {
            content.fill(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The JPEG with an APP2 "MPF" segment (as multi-picture files carry) right after its SOI. */
    private static byte[] withMultiPictureSegment(byte[] jpeg) {
        byte[] segment = {(byte) 0xff, (byte) 0xe2, 0, 10, 'M', 'P', 'F', 0, 'M', 'M', 0, 42};
        byte[] soi = Arrays.copyOf(jpeg, 2);
        return concat(concat(soi, segment), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** Where the JPEG's SOF0 marker (FF C0) is: length at +2, precision at +4, height at +5, width at +7. */
    private static int indexOfFrameHeader(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0 in the JPEG ImageIO wrote");
    }

    private static BufferedImage drawing(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0xd5, 0x00, 0x7f));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] ihdr(int width, int height) {
        return chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
    }

    /** A PNG file made of these chunks, with its signature and IEND added. */
    private static byte[] pngFile(byte[]... chunks) {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (byte[] chunk : chunks) {
            file = concat(file, chunk);
        }
        return concat(file, chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] deflated(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
