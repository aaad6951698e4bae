package mx.ine.redes.accounts;

/** Where an area sits in the Institute (Art. 3 II). */
public enum AreaLevel {
    /** Oficinas centrales: CNCS, the executive directorates, the technical units. */
    CENTRAL,
    /** Junta Local Ejecutiva: one per state (32). */
    LOCAL,
    /** Junta Distrital Ejecutiva: one per federal electoral district (300). */
    DISTRICT
}
