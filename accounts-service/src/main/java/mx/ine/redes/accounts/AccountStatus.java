package mx.ine.redes.accounts;

public enum AccountStatus {
    ACTIVE,
    /** Baja: kept for the record, never deleted. */
    DECOMMISSIONED
}
