package mx.ine.redes.support.problem;

import java.util.Objects;

/**
 * A text a person reads, in Spanish (the default) and English (for {@code Accept-Language: en}).
 * A text given only in Spanish is answered in Spanish to everyone.
 */
public record Text(String es, String en) {

    public Text {
        Objects.requireNonNull(es, "es");
        en = en == null ? es : en;
    }

    public static Text of(String es, String en) {
        return new Text(es, en);
    }

    /** A text not yet translated: answered in Spanish in either language. */
    public static Text spanish(String es) {
        return new Text(es, es);
    }

    public String in(boolean english) {
        return english ? en : es;
    }
}
