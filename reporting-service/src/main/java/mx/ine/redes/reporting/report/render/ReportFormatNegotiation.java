package mx.ine.redes.reporting.report.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * Which format a request asks for: {@code ?format=} (json, csv, xlsx, pdf) when given, else the
 * {@code Accept} header (highest q first, then the order written; {@code text/csv} and
 * {@code application/zip} both mean the zipped CSV), else JSON. An unknown {@code ?format=} is the
 * client's mistake in a parameter: 400 naming {@code format}. An {@code Accept} that allows none of
 * the formats is 406, naming {@code format} too, as the way to ask for one explicitly.
 */
public final class ReportFormatNegotiation {

    private static final String ALLOWED = "json, csv, xlsx o pdf";

    private ReportFormatNegotiation() {
    }

    public static ReportFormat choose(String formatParameter, String accept) {
        if (formatParameter != null && !formatParameter.isBlank()) {
            return ReportFormat.ofParameter(formatParameter).orElseThrow(() -> ProblemException.invalidParameter("format",
                    Text.of("El formato «" + formatParameter.strip() + "» no existe; use " + ALLOWED + ".",
                            "There is no format '" + formatParameter.strip() + "'; use json, csv, xlsx or pdf.")));
        }
        if (accept == null || accept.isBlank()) {
            return ReportFormat.JSON;
        }
        ReportFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            double quality = quality(parts);
            Optional<ReportFormat> format = formatOf(parts[0].strip().toLowerCase(Locale.ROOT));
            if (format.isPresent() && quality > bestQuality) {
                best = format.get();
                bestQuality = quality;
            }
        }
        if (best == null) {
            Text message = Text.of("Ninguno de los formatos aceptados (Accept: " + accept.strip() + ") está disponible; pida"
                            + " uno con ?format=" + "json, csv, xlsx o pdf" + ", o acepte application/json, application/zip,"
                            + " application/vnd.openxmlformats-officedocument.spreadsheetml.sheet o application/pdf.",
                    "None of the accepted formats (Accept: " + accept.strip() + ") is available; ask for one with ?format="
                            + "json, csv, xlsx or pdf, or accept application/json, application/zip,"
                            + " application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/pdf.");
            throw new ProblemException(406, message, List.of(ProblemException.Violation.parameter("format", message)));
        }
        return best;
    }

    private static Optional<ReportFormat> formatOf(String mediaRange) {
        return switch (mediaRange) {
            case "*/*", "application/*", "application/json" -> Optional.of(ReportFormat.JSON);
            case "text/csv", "application/zip" -> Optional.of(ReportFormat.CSV);
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> Optional.of(ReportFormat.XLSX);
            case "application/pdf" -> Optional.of(ReportFormat.PDF);
            default -> Optional.empty();
        };
    }

    /** The {@code q} of a media range (1 when absent; a malformed q counts as 0, so the range is ignored). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q < 0 || q > 1 ? 0 : q;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
