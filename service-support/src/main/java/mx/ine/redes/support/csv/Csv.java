package mx.ine.redes.support.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV, as spreadsheets write it: comma-separated, fields in double quotes when they hold
 * a comma, a quote or a line break, quotes doubled inside. Lines are numbered from 1 as an editor
 * shows them, so an error report points at the line a person sees.
 *
 * <p>Text arrives as bytes and is decoded strictly ({@link #decode}): UTF-8 unless the client
 * declares another charset, never a silent replacement character. Cells written out are defused
 * against spreadsheet formulas in a way that {@link #restore} undoes, so an export re-imports
 * unchanged.
 */
public final class Csv {

    /** The charsets a client may declare besides UTF-8: what spreadsheets on Spanish-language Windows write. */
    public static final Set<String> DECLARABLE_CHARSETS = Set.of("utf-8", "windows-1252", "iso-8859-1", "iso-8859-15");

    /** A cell a spreadsheet would run as a formula, behind any quotes that defused it before. */
    private static final Pattern DEFUSED = Pattern.compile("^'+[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern FORMULA_LIKE = Pattern.compile("^'*[=+\\-@\t\r].*", Pattern.DOTALL);

    private Csv() {
    }

    /** One record of the text and the line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    /** Thrown for text that is not CSV (an unclosed quote, bytes not in its charset); says where. */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;
        private final String english;

        MalformedCsvException(int line, String message, String english) {
            super(message);
            this.line = line;
            this.english = english;
        }

        public int line() {
            return line;
        }

        /** The message in Spanish ({@link #getMessage()}) has this English version. */
        public String english() {
            return english;
        }
    }

    /** Thrown when the client declares a charset this service does not read. */
    public static final class UnsupportedCharsetDeclaredException extends RuntimeException {
        UnsupportedCharsetDeclaredException(String charset) {
            super(charset);
        }
    }

    /**
     * The text of a CSV body: strictly UTF-8 (a byte-order mark is dropped) unless the client
     * declared another charset ({@code charset=} of its Content-Type), in which case that one,
     * strictly too. Bytes that do not belong to the charset are refused naming the line they are on.
     */
    public static String decode(byte[] body, String declaredCharset) {
        Charset charset = charsetOf(declaredCharset);
        int start = 0;
        if (charset.equals(StandardCharsets.UTF_8) && body.length >= 3
                && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((body.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = lineAt(body, in.position());
            String name = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
            throw new MalformedCsvException(line,
                    "La línea " + line + " no está en " + name + "; guarde el archivo como CSV UTF-8 o declare su"
                            + " codificación (por ejemplo, Content-Type: text/csv; charset=windows-1252).",
                    "Line " + line + " is not " + name + "; save the file as CSV UTF-8 or declare its encoding"
                            + " (for example, Content-Type: text/csv; charset=windows-1252).");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset charsetOf(String declared) {
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (name.equals("cp1252")) {
            name = "windows-1252";
        }
        if (!DECLARABLE_CHARSETS.contains(name)) {
            throw new UnsupportedCharsetDeclaredException(declared);
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedCharsetDeclaredException(declared);
        }
    }

    /** The editor's line (from 1) of the byte at {@code position}. */
    private static int lineAt(byte[] body, int position) {
        int line = 1;
        for (int i = 0; i < position && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Every record of the text, blank lines skipped, a leading byte-order mark ignored. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(rows, rowLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new MalformedCsvException(rowLine, "Comillas sin cerrar en la línea " + rowLine + ".",
                    "Unclosed quotes on line " + rowLine + ".");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowLine, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }

    /** One CSV line (with its CRLF) of these values; {@code null} is an empty field. Formula-like cells are defused. */
    public static String line(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            String text = defuse(value == null ? "" : value.toString());
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                    || text.startsWith("'")) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        return out.append("\r\n").toString();
    }

    /**
     * A cell a spreadsheet would run as a formula (leading {@code =}, {@code +}, {@code -},
     * {@code @}, tab or carriage return; CSV injection) gets a leading apostrophe, which
     * spreadsheets show as text. Text that already starts with apostrophes before such a character
     * gets one more, so that {@link #restore} can tell them apart: the two are exact inverses.
     */
    public static String defuse(String text) {
        return FORMULA_LIKE.matcher(text).matches() ? "'" + text : text;
    }

    /** The value {@link #defuse} was given: one leading apostrophe removed from a defused cell, any other cell as is. */
    public static String restore(String cell) {
        return DEFUSED.matcher(cell).matches() ? cell.substring(1) : cell;
    }
}
