package mx.ine.redes.reporting.rest;

/** An account of the open data list: an official account now, or a former one (baja). */
public enum OpenDataStatus {
    ACTIVE("oficial"),
    DECOMMISSIONED("anterior");

    private final String label;

    OpenDataStatus(String label) {
        this.label = label;
    }

    /** How the list names the status in Spanish. */
    public String label() {
        return label;
    }

    /** The label of a status as the registry's events spell it ({@code null} for one unknown here). */
    public static String labelOf(String status) {
        for (OpenDataStatus known : values()) {
            if (known.name().equals(status)) {
                return known.label;
            }
        }
        return null;
    }
}
