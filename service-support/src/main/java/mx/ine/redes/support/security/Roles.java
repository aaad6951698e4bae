package mx.ine.redes.support.security;

/** The roles of domain.md §1, as they appear in the JWT {@code groups} claim. */
public final class Roles {

    /** Coordinación Nacional de Comunicación Social. */
    public static final String CNCS = "cncs";
    /** Administrador de cuenta. */
    public static final String ACCOUNT_ADMIN = "account-admin";
    /** Titular del área. */
    public static final String AREA_HEAD = "area-head";
    /** Comité de Gestión y Publicación Electrónica. */
    public static final String COMMITTEE = "committee";
    /** Unidad Técnica de Transparencia. */
    public static final String TRANSPARENCY = "transparency";
    /** Other INE systems: read-only. */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
