package mx.ine.redes.reporting.rest;

/** Where the account's area sits in the Institute (Art. 3 II), with the name the public knows it by. */
public enum OpenDataLevel {
    CENTRAL("Oficinas centrales"),
    LOCAL("Junta Local Ejecutiva"),
    DISTRICT("Junta Distrital Ejecutiva");

    private final String label;

    OpenDataLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spanish name of a level as the registry's events spell it ({@code null} for one unknown here). */
    public static String labelOf(String level) {
        for (OpenDataLevel known : values()) {
            if (known.name().equals(level)) {
                return known.label;
            }
        }
        return null;
    }
}
