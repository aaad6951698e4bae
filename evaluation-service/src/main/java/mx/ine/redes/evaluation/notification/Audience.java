package mx.ine.redes.evaluation.notification;

/**
 * Whom a notice goes to, decided when it leaves from the registry as it is then (api-conventions:
 * "recipients follow the registry as it is now"), so that a change of administrator or head after
 * the request was issued reaches the right person.
 */
public enum Audience {
    /** The account's current administrators. */
    ADMINISTRATORS,
    /** The head of the account's area, else the nearest head above it (Art. 15). */
    AREA_HEAD,
    /** Comunicación Social's alert address. */
    CNCS,
    /** Whoever really received a notice of the subject's Art. 15 chain. */
    TOLD_OF_CHAIN,
    /** The recipients given when it was queued. */
    FIXED
}
