package mx.ine.redes.support.csv;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.support.input.InputRules;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * The text of a CSV upload, for an import endpoint that consumes any type ({@code @Consumes("*&#47;*")})
 * so that a client who sends JSON or a spreadsheet is told what to send instead: 415 unless the body
 * is {@code text/csv} (or {@code text/plain}); 422 naming the line when its bytes are not in the
 * declared charset (UTF-8 unless {@code charset=} says otherwise).
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    public static String text(byte[] body, MediaType type) {
        if (type == null || !("text".equals(type.getType())
                && ("csv".equals(type.getSubtype()) || "plain".equals(type.getSubtype())))) {
            throw new ProblemException(415, Text.of(
                    "Este servicio importa archivos CSV: envíe el archivo con Content-Type: text/csv (UTF-8, o declare"
                            + " charset=windows-1252 si lo guardó Excel como «CSV (delimitado por comas)»).",
                    "This endpoint imports CSV files: send the file with Content-Type: text/csv (UTF-8, or declare"
                            + " charset=windows-1252 if Excel saved it as \"CSV (Comma delimited)\")."), List.of());
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return Csv.decode(body == null ? new byte[0] : body, charset);
        } catch (Csv.UnsupportedCharsetDeclaredException e) {
            throw new ProblemException(415, Text.of(
                    "La codificación " + charset + " no se admite; use UTF-8 o windows-1252.",
                    "The encoding " + charset + " is not supported; use UTF-8 or windows-1252."), List.of());
        } catch (Csv.MalformedCsvException e) {
            Text message = Text.of(e.getMessage(), e.english());
            throw ProblemException.unprocessable(Text.of("El archivo no se pudo leer; no se importó nada.",
                    "The file could not be read; nothing was imported."), List.of(ProblemException.Violation.line(e.line(), null, message)));
        }
    }

    /** The rows of the text, or 422 naming the line of an unclosed quote. */
    public static List<Csv.Row> rows(String text) {
        try {
            return Csv.parse(text);
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.unprocessable(Text.of("El archivo no es un CSV válido; no se importó nada.",
                    "The file is not valid CSV; nothing was imported."),
                    List.of(ProblemException.Violation.line(e.line(), null, Text.of(e.getMessage(), e.english()))));
        }
    }

    /**
     * Every cell of the rows after the header that holds a control character (a NUL, an escape…),
     * named by line and by the header's name of its column: a CSV cell is never free text.
     */
    public static List<ProblemException.Violation> controlCharacters(List<Csv.Row> rows) {
        List<ProblemException.Violation> found = new ArrayList<>();
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0).fields();
        for (Csv.Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            for (int i = 0; i < row.fields().size(); i++) {
                int column = i;
                InputRules.controlCharacters(row.fields().get(i), false).ifPresent(why -> found.add(
                        ProblemException.Violation.line(row.line(), column < header.size() ? header.get(column).strip() : null, why)));
            }
        }
        return found;
    }
}
