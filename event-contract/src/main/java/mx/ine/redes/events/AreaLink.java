package mx.ine.redes.events;

/**
 * One area above an account's own area, as {@link AccountSnapshot#ancestors()} lists them: enough
 * for a consumer to decide visibility by subtree and to find the next head up when an area has
 * none (Art. 15).
 */
public record AreaLink(
        String code,
        String name,
        String level,
        String headName,
        String headEmail) {
}
