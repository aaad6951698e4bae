package mx.ine.redes.submissions.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Recognises an evidence file by its content alone, never by its name or declared type: the first
 * bytes say what it claims to be, then its structure is walked and it is really decoded (images)
 * or opened (PDF). Anything that is not a whole, readable PNG, JPEG or PDF is refused with a 422
 * naming the upload's field. Files are read as streams or through file-backed readers; no file is
 * ever loaded whole into memory, and what the decoders may allocate is bounded.
 */
public class EvidenceInspector {

    /** Default image cap: 100 megapixels (a 10 000 × 10 000 screenshot is already far beyond any screen). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /**
     * Largest picture actually allocated while decoding, in pixels: a larger image is decoded whole
     * (every row inflated and unfiltered, every block decoded) but only one pixel in n×n kept, so
     * checking it costs tens of megabytes however big it is.
     */
    private static final long MAX_DECODED_PIXELS = 4_000_000L;

    /** What PDFBox may hold in memory while opening a PDF, beyond which it uses a temporary file… */
    private static final long PDF_MAX_MEMORY = 8L * 1024 * 1024;
    /** …and the most it may use in all. */
    private static final long PDF_MAX_STORAGE = 128L * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int PNG_IHDR = chunkType("IHDR");
    private static final int PNG_IDAT = chunkType("IDAT");
    private static final int PNG_IEND = chunkType("IEND");

    private final long maxPixels;

    public EvidenceInspector() {
        this(DEFAULT_MAX_PIXELS);
    }

    public EvidenceInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * @param file      the uploaded file, on disk
     * @param givenName the name the client gave it (only quoted in messages)
     * @param field     the name of the upload in the request (e.g. {@code evidence[2]}), named by a refusal
     * @return the type recognised
     * @throws ProblemException 422 naming {@code field} when the file is not an acceptable evidence
     */
    public EvidenceType inspect(Path file, String givenName, String field) {
        Refusal refusal = new Refusal(SafeFileName.forMessage(givenName), field);
        try {
            byte[] head = head(file, 8);
            if (head.length == 0) {
                throw refusal.of("está vacío", "it is empty", null);
            }
            if (startsWith(head, PNG_SIGNATURE) || (head.length < 8 && startsWith(PNG_SIGNATURE, head))) {
                checkPng(file, refusal.as(EvidenceType.PNG));
                return EvidenceType.PNG;
            }
            if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
                checkJpeg(file, refusal.as(EvidenceType.JPEG));
                return EvidenceType.JPEG;
            }
            if (head.length >= 5 && startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
                checkPdf(file, refusal.as(EvidenceType.PDF));
                return EvidenceType.PDF;
            }
            if (looksExecutableOrArchive(head)) {
                throw refusal.notEvidence("es un programa o un archivo comprimido", "it is a program or an archive");
            }
            throw refusal.notEvidence(null, null);
        } catch (IOException e) {
            // The upload's own temporary file could not be read: not the client's mistake.
            throw new UncheckedIOException("Evidence file " + file + " could not be read", e);
        }
    }

    // --- PNG ---------------------------------------------------------------------------------------

    /**
     * Walks every chunk (length, type, data, CRC) before decoding: IHDR first with a plausible size,
     * at least one IDAT, IEND last and nothing after it. ImageIO alone does not check CRCs and stops
     * reading at the last image row, so trailing garbage and damaged chunks would pass it.
     */
    private void checkPng(Path file, Refusal refusal) throws IOException {
        try (ByteReader in = new ByteReader(Files.newInputStream(file))) {
            in.skipExactly(PNG_SIGNATURE.length);
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[8192];
            boolean first = true;
            boolean sawData = false;
            while (true) {
                long length = in.readUnsignedInt();
                int type = in.readInt();
                if (length > Integer.MAX_VALUE || !isChunkType(type)) {
                    throw refusal.of("está dañado (un bloque no tiene un tipo o una longitud válidos)",
                            "it is damaged (a chunk has no valid type or length)", null);
                }
                if (first) {
                    if (type != PNG_IHDR || length != 13) {
                        throw refusal.of("está dañado (no empieza por su cabecera IHDR)",
                                "it is damaged (it does not start with its IHDR header)", null);
                    }
                    first = false;
                }
                crc.reset();
                crc.update(type >>> 24);
                crc.update(type >>> 16);
                crc.update(type >>> 8);
                crc.update(type);
                if (type == PNG_IHDR) {
                    if (length != 13 || sawData) {
                        throw refusal.of("está dañado (tiene una cabecera IHDR de más)",
                                "it is damaged (it has an extra IHDR header)", null);
                    }
                    byte[] header = new byte[13];
                    in.readExactly(header, 0, 13);
                    crc.update(header, 0, 13);
                    long width = readUnsignedInt(header, 0);
                    long height = readUnsignedInt(header, 4);
                    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                        throw refusal.of("está dañado (su cabecera no indica un tamaño válido)",
                                "it is damaged (its header gives no valid size)", null);
                    }
                    checkDimensions(width, height, refusal);
                } else {
                    long left = length;
                    while (left > 0) {
                        int n = (int) Math.min(buffer.length, left);
                        in.readExactly(buffer, 0, n);
                        crc.update(buffer, 0, n);
                        left -= n;
                    }
                }
                if (in.readUnsignedInt() != crc.getValue()) {
                    throw refusal.of("está dañado (la suma de verificación de un bloque no coincide)",
                            "it is damaged (a chunk's checksum does not match)", null);
                }
                if (type == PNG_IDAT) {
                    sawData = true;
                }
                if (type == PNG_IEND) {
                    break;
                }
            }
            if (!sawData) {
                throw refusal.of("no contiene datos de imagen", "it holds no image data", null);
            }
            if (in.read() >= 0) {
                throw refusal.of("tiene datos después de su final", "it has data after its end", null);
            }
        } catch (EOFException e) {
            throw refusal.of("está truncado", "it is truncated", null);
        }
        decode(file, "png", refusal);
    }

    private static boolean isChunkType(int type) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (type >>> shift) & 0xff;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static int chunkType(String name) {
        return (name.charAt(0) << 24) | (name.charAt(1) << 16) | (name.charAt(2) << 8) | name.charAt(3);
    }

    // --- JPEG --------------------------------------------------------------------------------------

    /**
     * Walks the markers: SOI, a frame header (SOFn) with a plausible size before the first scan,
     * at least one scan (SOS and its entropy-coded data), EOI last and nothing after it, except the
     * further pictures a multi-picture JPEG (an MPF segment: HDR gain maps of phone cameras, stereo
     * pairs) declares, each of them a whole JPEG too.
     */
    private void checkJpeg(Path file, Refusal refusal) throws IOException {
        try (ByteReader in = new ByteReader(Files.newInputStream(file))) {
            in.skipExactly(2);
            boolean multiPicture = walkJpegPicture(in, refusal);
            int next;
            while ((next = in.read()) >= 0) {
                if (!multiPicture || next != 0xff || in.readByte() != 0xd8) {
                    throw refusal.of("tiene datos después de su final", "it has data after its end", null);
                }
                walkJpegPicture(in, refusal);
            }
        } catch (EOFException e) {
            throw refusal.of("está truncado", "it is truncated", null);
        }
        decode(file, "jpeg", refusal);
    }

    /**
     * Walks one picture from just after its SOI to its EOI.
     *
     * @return whether it declares further pictures (an APP2 "MPF" segment)
     */
    private boolean walkJpegPicture(ByteReader in, Refusal refusal) throws IOException {
        boolean frame = false;
        boolean scan = false;
        boolean multiPicture = false;
        int marker = nextMarker(in, refusal);
        while (marker != 0xd9) {
            if (marker == 0xd8) {
                throw refusal.of("está dañado (empieza dos veces)", "it is damaged (it starts twice)", null);
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                marker = nextMarker(in, refusal);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw refusal.of("está dañado (un segmento tiene una longitud imposible)",
                        "it is damaged (a segment has an impossible length)", null);
            }
            if (isFrameHeader(marker)) {
                if (length < 8) {
                    throw refusal.of("está dañado (su cabecera de imagen es demasiado corta)",
                            "it is damaged (its frame header is too short)", null);
                }
                in.readByte();                  // sample precision
                int height = in.readUnsignedShort();
                int width = in.readUnsignedShort();
                if (width == 0 || height == 0) {
                    throw refusal.of("está dañado (su cabecera no indica un tamaño válido)",
                            "it is damaged (its header gives no valid size)", null);
                }
                checkDimensions(width, height, refusal);
                frame = true;
                in.skipExactly(length - 7);
                marker = nextMarker(in, refusal);
            } else if (marker == 0xda) {
                if (!frame) {
                    throw refusal.of("está dañado (sus datos no van precedidos de una cabecera de imagen)",
                            "it is damaged (its data comes before any frame header)", null);
                }
                in.skipExactly(length - 2);
                scan = true;
                marker = afterEntropyCodedData(in);
            } else if (marker == 0xe2 && length >= 6) {
                byte[] identifier = new byte[4];
                in.readExactly(identifier, 0, 4);
                multiPicture |= startsWith(identifier, new byte[] {'M', 'P', 'F', 0});
                in.skipExactly(length - 6);
                marker = nextMarker(in, refusal);
            } else {
                in.skipExactly(length - 2);
                marker = nextMarker(in, refusal);
            }
        }
        if (!frame || !scan) {
            throw refusal.of("no contiene datos de imagen", "it holds no image data", null);
        }
        return multiPicture;
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    private static int nextMarker(ByteReader in, Refusal refusal) throws IOException {
        if (in.readByte() != 0xff) {
            throw refusal.of("está dañado (falta la marca de un segmento)", "it is damaged (a segment marker is missing)", null);
        }
        int marker;
        do {
            marker = in.readByte();
        } while (marker == 0xff);         // fill bytes
        if (marker == 0x00) {
            throw refusal.of("está dañado (falta la marca de un segmento)", "it is damaged (a segment marker is missing)", null);
        }
        return marker;
    }

    /** Skips a scan's data up to the next marker: FF 00 is a stuffed FF and FF D0–D7 a restart, not markers. */
    private static int afterEntropyCodedData(ByteReader in) throws IOException {
        while (true) {
            if (in.readByte() != 0xff) {
                continue;
            }
            int next;
            do {
                next = in.readByte();
            } while (next == 0xff);
            if (next != 0x00 && (next < 0xd0 || next > 0xd7)) {
                return next;
            }
        }
    }

    // --- images, both kinds ------------------------------------------------------------------------

    private void checkDimensions(long width, long height, Refusal refusal) {
        if (width * height > maxPixels) {
            long megapixels = maxPixels / 1_000_000;
            throw refusal.of("mide " + width + " × " + height + " píxeles; el máximo es de " + megapixels + " megapíxeles",
                    "it measures " + width + " × " + height + " pixels; the maximum is " + megapixels + " megapixels",
                    null);
        }
    }

    /**
     * Decodes every pixel with the JDK's own reader, from the file. The size is read (and checked
     * again) before any pixel; a warning of the decoder (corrupt data it papered over) is a refusal.
     */
    private void decode(Path file, String format, Refusal refusal) throws IOException {
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
            reader.setInput(input, true, true);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height, refusal);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling((long) width * height);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            if (reader.canReadRaster()) {
                reader.readRaster(0, param);     // JPEG: no colour conversion, so CMYK scans are read too
            } else {
                reader.read(0, param);
            }
            if (!warnings.isEmpty()) {
                throw refusal.of("está dañado (" + warnings.get(0) + ")", "it is damaged (" + warnings.get(0) + ")", null);
            }
        } catch (EOFException e) {
            throw refusal.of("está truncado", "it is truncated", e);
        } catch (IIOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // Besides IIOException, the JDK's decoders answer some malformed data with runtime
            // exceptions (array bounds, illegal arguments): the file's fault either way.
            throw refusal.of("está dañado (no se puede decodificar)", "it is damaged (it cannot be decoded)", e);
        } finally {
            reader.dispose();
        }
    }

    private static int subsampling(long pixels) {
        int step = 1;
        while (pixels / ((long) step * step) > MAX_DECODED_PIXELS) {
            step++;
        }
        return step;
    }

    private static ImageReader readerFor(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            // The JDK's own readers first: other plug-ins on the class path are not what was tested.
            if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
            fallback = fallback == null ? reader : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return fallback;
    }

    // --- PDF ---------------------------------------------------------------------------------------

    /**
     * Opens the PDF with PDFBox from the file (its cross-reference table, trailer, catalogue and page
     * tree) and requires at least one page. Before that, its end must be there: PDFBox repairs a
     * truncated file silently, so the {@code %%EOF} a PDF ends with is looked for in its last 1024
     * bytes (where readers look for it).
     *
     * <p>An encrypted PDF is accepted only if it opens without a password (restrictions on printing
     * or copying only): CNCS reviewers must be able to read the evidence and nobody can give them a
     * password through this system, so one that needs a password to be read is refused.
     *
     * <p>Reviewers open these files on the Institute's computers: a PDF that runs JavaScript, starts
     * actions by itself or carries attached files (where a program can hide) is refused; a screenshot
     * or a scanned oficio never needs any of them.
     */
    private void checkPdf(Path file, Refusal refusal) throws IOException {
        if (!endsWithEndOfFileMarker(file)) {
            throw refusal.of("no termina como un PDF (está truncado o no es un PDF)",
                    "it does not end like a PDF (it is truncated or no PDF at all)", null);
        }
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(PDF_MAX_MEMORY, PDF_MAX_STORAGE);
        try (PDDocument document = Loader.loadPDF(file.toFile(), "", memory.streamCache)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            boolean active = carriesActiveContent(catalog);
            int pages = 0;
            for (PDPage page : document.getPages()) {
                pages++;
                active |= carriesActiveContent(page);
            }
            if (pages == 0) {
                throw refusal.of("no tiene ninguna página", "it has no page", null);
            }
            if (active) {
                throw refusal.of("contiene código JavaScript, acciones automáticas o archivos adjuntos, que una evidencia no puede llevar",
                        "it carries JavaScript, automatic actions or attached files, which evidence may not", null);
            }
        } catch (InvalidPasswordException e) {
            throw refusal.of("está protegido con contraseña", "it is protected by a password", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // PDFBox reports a damaged or fake PDF as IOException, and some broken page trees as
            // runtime exceptions (class casts, nulls): either way it is not a PDF it can read.
            throw refusal.of("no se puede abrir", "it cannot be opened", e);
        }
    }

    private static boolean endsWithEndOfFileMarker(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int tail = (int) Math.min(1024, channel.size());
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            channel.position(channel.size() - tail);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private static boolean carriesActiveContent(PDDocumentCatalog catalog) throws IOException {
        PDDocumentNameDictionary names = catalog.getNames();
        if (names != null && (names.getEmbeddedFiles() != null || names.getJavaScript() != null)) {
            return true;
        }
        COSDictionary dictionary = catalog.getCOSObject();
        return dictionary.containsKey(COSName.AA) || isScriptOrLaunch(dictionary.getDictionaryObject(COSName.OPEN_ACTION));
    }

    private static boolean carriesActiveContent(PDPage page) throws IOException {
        if (page.getCOSObject().containsKey(COSName.AA)) {
            return true;
        }
        for (PDAnnotation annotation : page.getAnnotations()) {
            COSDictionary dictionary = annotation.getCOSObject();
            if (annotation instanceof PDAnnotationFileAttachment || dictionary.containsKey(COSName.AA)
                    || isScriptOrLaunch(dictionary.getDictionaryObject(COSName.A))) {
                return true;
            }
        }
        return false;
    }

    /** An action that runs JavaScript, launches a program or sends data (going to a page or a URL is fine). */
    private static boolean isScriptOrLaunch(COSBase action) {
        if (action instanceof COSDictionary dictionary) {
            COSName type = dictionary.getCOSName(COSName.S);
            return COSName.JAVA_SCRIPT.equals(type) || COSName.getPDFName("Launch").equals(type)
                    || COSName.getPDFName("ImportData").equals(type) || COSName.getPDFName("SubmitForm").equals(type);
        }
        return false;
    }

    // --- shared ------------------------------------------------------------------------------------

    private static boolean looksExecutableOrArchive(byte[] head) {
        return startsWith(head, new byte[] {0x7f, 'E', 'L', 'F'})                      // ELF (Linux)
                || startsWith(head, new byte[] {'M', 'Z'})                              // PE (Windows)
                || startsWith(head, new byte[] {'P', 'K', 0x03, 0x04})                  // zip, jar, docx, apk
                || startsWith(head, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}) // class, fat Mach-O
                || startsWith(head, new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe}) // Mach-O
                || startsWith(head, new byte[] {'#', '!'})                              // script
                || startsWith(head, new byte[] {'R', 'a', 'r', '!'})
                || startsWith(head, new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf})
                || startsWith(head, new byte[] {0x1f, (byte) 0x8b});                    // gzip
    }

    private static byte[] head(Path file, int count) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long readUnsignedInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
    }

    /** How a refusal of one upload is worded: its name, its field and, once known, the type it claims. */
    private record Refusal(String name, String field, EvidenceType claimed) {

        Refusal(String name, String field) {
            this(name, field, null);
        }

        Refusal as(EvidenceType type) {
            return new Refusal(name, field, type);
        }

        /** "El archivo «x» no es una imagen PNG válida: {reason}." */
        ProblemException of(String reasonEs, String reasonEn, Throwable cause) {
            String es;
            String en;
            if (claimed == null) {
                es = "El archivo «" + name + "» " + reasonEs + ".";
                en = "The file «" + name + "» is refused: " + reasonEn + ".";
            } else if (claimed == EvidenceType.PDF) {
                es = "El archivo «" + name + "» no es un documento PDF válido: " + reasonEs + ".";
                en = "The file «" + name + "» is not a valid PDF document: " + reasonEn + ".";
            } else {
                es = "El archivo «" + name + "» no es una imagen " + claimed.label() + " válida: " + reasonEs + ".";
                en = "The file «" + name + "» is not a valid " + claimed.label() + " image: " + reasonEn + ".";
            }
            return refused(Text.of(es, en), cause);
        }

        /** Not one of the accepted kinds at all (whatever its name says). */
        ProblemException notEvidence(String whatEs, String whatEn) {
            String es = "El archivo «" + name + "» no es una imagen PNG o JPEG ni un documento PDF"
                    + (whatEs == null ? "" : ": " + whatEs) + ".";
            String en = "The file «" + name + "» is not a PNG or JPEG image nor a PDF document"
                    + (whatEn == null ? "" : ": " + whatEn) + ".";
            return refused(Text.of(es, en), null);
        }

        private ProblemException refused(Text message, Throwable cause) {
            ProblemException problem = ProblemException.unprocessable(message, List.of(Violation.field(field, message)));
            if (cause != null) {
                problem.initCause(cause);
            }
            return problem;
        }
    }

    /**
     * A buffered, unsynchronised byte reader for walking a file's structure; end of file inside a
     * structure is an {@link EOFException} (the file is truncated).
     */
    private static final class ByteReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[16384];
        private int position;
        private int limit;

        ByteReader(InputStream in) {
            this.in = in;
        }

        /** @return the next byte, or -1 at the end of the file */
        int read() throws IOException {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xff;
        }

        int readByte() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        int readUnsignedShort() throws IOException {
            return (readByte() << 8) | readByte();
        }

        int readInt() throws IOException {
            return (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
        }

        long readUnsignedInt() throws IOException {
            return readInt() & 0xffffffffL;
        }

        void readExactly(byte[] target, int offset, int length) throws IOException {
            while (length > 0) {
                if (position == limit && read() >= 0) {
                    position--;                      // refilled: give the byte back
                }
                if (position == limit) {
                    throw new EOFException();
                }
                int n = Math.min(length, limit - position);
                System.arraycopy(buffer, position, target, offset, n);
                position += n;
                offset += n;
                length -= n;
            }
        }

        void skipExactly(long count) throws IOException {
            while (count > 0) {
                if (position == limit && read() >= 0) {
                    position--;
                }
                if (position == limit) {
                    throw new EOFException();
                }
                int n = (int) Math.min(count, limit - position);
                position += n;
                count -= n;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
