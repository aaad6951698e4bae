package mx.ine.redes.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemTextsTest {

    @Test
    void shouldSpeakSpanishByDefault() {
        assertThat(ProblemTexts.english(List.of())).isFalse();
        assertThat(ProblemTexts.english(List.of(Locale.FRENCH, Locale.GERMAN))).isFalse();
        assertThat(ProblemTexts.title(404, false)).isEqualTo("Recurso no encontrado");
    }

    @Test
    void shouldFollowTheFirstLanguageItKnows() {
        assertThat(ProblemTexts.english(List.of(Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("es-MX")))).isTrue();
        assertThat(ProblemTexts.english(List.of(Locale.forLanguageTag("es-MX"), Locale.ENGLISH))).isFalse();
        assertThat(ProblemTexts.title(404, true)).isEqualTo("Resource not found");
    }

    @Test
    void shouldHaveATitleForAnyStatus() {
        assertThat(ProblemTexts.title(418, false)).isEqualTo("La solicitud no se pudo atender");
        assertThat(ProblemTexts.title(418, true)).isEqualTo("Request failed");
    }
}
