package mx.ine.redes.reporting.report.render;

import java.util.Locale;
import java.util.Optional;

/** The formats the semi-annual report is given in: the {@code ?format=} value, its media type and file extension. */
public enum ReportFormat {
    JSON("json", "application/json", "json"),
    CSV("csv", "application/zip", "csv.zip"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("pdf", "application/pdf", "pdf");

    private final String parameter;
    private final String contentType;
    private final String extension;

    ReportFormat(String parameter, String contentType, String extension) {
        this.parameter = parameter;
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The value of {@code ?format=} that asks for it. */
    public String parameter() {
        return parameter;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The download's name, from the cycle: {@code informe-semestral-2027-S2.pdf}; CSV's zip is
     * {@code informe-semestral-2027-S2-csv.zip}. Characters a file name cannot hold become {@code -}.
     */
    public String fileName(String cycleId) {
        String cycle = cycleId == null ? "sin-ciclo" : cycleId.replaceAll("[^A-Za-z0-9._-]", "-");
        return download("informe-semestral-" + cycle);
    }

    /**
     * Any document's download name from its stem: {@code informe-anual-2026.pdf},
     * {@code tendencias-por-red-csv.zip}. Characters a file name cannot hold become {@code -}.
     */
    public String download(String stem) {
        return stem.replaceAll("[^A-Za-z0-9._-]", "-") + (this == CSV ? "-csv.zip" : "." + extension);
    }

    public static Optional<ReportFormat> ofParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.parameter.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
