package mx.ine.redes.submissions.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import mx.ine.redes.support.problem.ReaderLanguage;

/** The reader's language as a locale for labels and warnings: the same choice as the problem texts. */
final class Languages {

    private static final Locale SPANISH = Locale.forLanguageTag("es-MX");

    private Languages() {
    }

    static Locale of(HttpHeaders headers) {
        return ReaderLanguage.english(headers) ? Locale.ENGLISH : SPANISH;
    }
}
