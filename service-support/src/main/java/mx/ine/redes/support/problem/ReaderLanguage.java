package mx.ine.redes.support.problem;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The language a reader asked for, decided in one place for problems and for every text an answer
 * carries: the first of {@code es}/{@code en} in {@code Accept-Language}; Spanish by default, and
 * also when the header cannot be read.
 */
public final class ReaderLanguage {

    private ReaderLanguage() {
    }

    public static boolean english(HttpHeaders headers) {
        try {
            return headers != null && ProblemTexts.english(headers.getAcceptableLanguages());
        } catch (RuntimeException unreadableHeader) {
            return false;
        }
    }
}
