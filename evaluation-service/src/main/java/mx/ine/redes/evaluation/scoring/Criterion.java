package mx.ine.redes.evaluation.scoring;

/** The four criteria of Art. 13, each a 0–100 sub-score; {@code key} is the name in events and in config. */
public enum Criterion {
    PERFORMANCE("performance", "Desempeño en la red"),
    FREQUENCY("frequency", "Frecuencia de publicación"),
    ORIGINAL_CONTENT("originalContent", "Contenido original"),
    NEW_FOLLOWERS("newFollowers", "Seguidores nuevos");

    private final String key;
    private final String spanishName;

    Criterion(String key, String spanishName) {
        this.key = key;
        this.spanishName = spanishName;
    }

    public String key() {
        return key;
    }

    public String spanishName() {
        return spanishName;
    }
}
