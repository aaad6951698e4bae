package mx.ine.redes.accounts;

public enum AccountKind {
    /** The Institute's or one of its areas' own account. */
    INSTITUTIONAL,
    /** An account of a programme, e.g. VotoExtranjero. */
    PROGRAMME,
    /** A citizen-facing profile run by the Institute, e.g. PoderEsTuyo. */
    CITIZEN_PROFILE
}
