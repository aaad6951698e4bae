package mx.ine.redes.submissions.evidence;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a download of evidence may be called, from the name the client gave: no path, nothing
 * a header, a shell or a file system could misread, readable Spanish kept (accents and ñ), and the
 * extension of the type recognised from the content, whatever the given one said.
 */
public final class SafeFileName {

    /** Longest name, extension included, in characters: what every common file system can store. */
    public static final int MAX_LENGTH = 120;

    private static final String FALLBACK_STEM = "evidencia";

    /** Characters Windows, macOS or Linux refuse in names, or that a quoted header value would end on. */
    private static final String UNSAFE = "<>:\"/\\|?*;";

    /** Extensions of file types a client may have named the file with: replaced by the real one. */
    private static final Set<String> TYPE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "jpe", "jfif", "pdf", "gif", "bmp", "webp", "tif", "tiff", "heic", "heif");

    /** Names Windows reserves for devices, with or without an extension. */
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private SafeFileName() {
    }

    /**
     * @param given       the file name the client sent (may be {@code null}, a path, or hostile)
     * @param contentType the type recognised from the content: {@code image/png}, {@code image/jpeg}
     *                    or {@code application/pdf}
     */
    public static String of(String given, String contentType) {
        EvidenceType type = EvidenceType.ofMediaType(contentType)
                .orElseThrow(() -> new IllegalArgumentException("Not an evidence type: " + contentType));
        String extension = "." + type.extension();
        String stem = withoutTypeExtension(cleaned(given));
        if (stem.isEmpty() || RESERVED.matcher(stem).matches()) {
            stem = FALLBACK_STEM;
        }
        return truncated(stem, MAX_LENGTH - extension.length()) + extension;
    }

    /**
     * The given name made fit to be quoted in a message (no path, no control characters, capped),
     * its extension kept as given: messages name the file the way its sender knows it.
     */
    public static String forMessage(String given) {
        String name = cleaned(given);
        return name.isEmpty() ? "(sin nombre)" : truncated(name, MAX_LENGTH);
    }

    /**
     * The {@code Content-Disposition} value that makes a browser save the download under this name:
     * an ASCII-only {@code filename} for old clients and the exact UTF-8 name in {@code filename*}
     * (RFC 6266, RFC 8187).
     */
    public static String contentDisposition(String safeFileName) {
        return "attachment; filename=\"" + asciiFallback(safeFileName) + "\"; filename*=UTF-8''"
                + percentEncoded(safeFileName);
    }

    /** The last path segment, without control, invisible-formatting or unsafe characters, spaces collapsed. */
    private static String cleaned(String given) {
        if (given == null) {
            return "";
        }
        String name = Normalizer.normalize(given, Normalizer.Form.NFC);
        // A NUL ends a name for C code: what follows it ("x.php\0.png") is not what a reader sees.
        name = name.replace('\0', ' ');
        int lastSeparator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(lastSeparator + 1);
        name = DRIVE.matcher(name).replaceFirst("");
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> kept.appendCodePoint(isSafe(c) ? c : ' '));
        name = SPACES.matcher(kept).replaceAll(" ");
        // Leading dots hide a file (or walk up: ".."), trailing dots and spaces are dropped by Windows.
        return strip(name, " .");
    }

    private static boolean isSafe(int c) {
        if (UNSAFE.indexOf(c) >= 0) {
            return false;
        }
        return switch (Character.getType(c)) {
            // Controls (NUL, CR, LF…), invisible formatting (right-to-left override that disguises
            // "gpj.exe" as "exe.jpg"), separators other than a space, lone surrogates, unassigned.
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static String withoutTypeExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && TYPE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return strip(name.substring(0, dot), " .");
        }
        return name;
    }

    private static String truncated(String text, int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return strip(text.substring(0, text.offsetByCodePoints(0, maxCodePoints)), " .");
    }

    private static String strip(String text, String characters) {
        int start = 0;
        int end = text.length();
        while (start < end && characters.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Accents dropped ("acción" → "accion"), anything else outside printable ASCII and % replaced by _. */
    private static String asciiFallback(String name) {
        String unaccented = COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder ascii = new StringBuilder(unaccented.length());
        unaccented.codePoints().forEach(c -> ascii.append(
                c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return ascii.toString();
    }

    /** RFC 8187 value characters: letters, digits and {@code !#$&+-.^_`|~}; every other byte as %XX. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
