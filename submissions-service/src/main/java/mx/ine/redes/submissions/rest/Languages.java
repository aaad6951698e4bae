package mx.ine.redes.submissions.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language a reader asked for: English for {@code Accept-Language: en}, else Spanish. */
final class Languages {

    private static final Locale SPANISH = Locale.forLanguageTag("es-MX");

    private Languages() {
    }

    static Locale of(HttpHeaders headers) {
        for (Locale locale : headers.getAcceptableLanguages()) {
            if ("es".equals(locale.getLanguage())) {
                return SPANISH;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return SPANISH;
    }
}
