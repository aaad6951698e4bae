package mx.ine.redes.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.support.input.FreeText;
import mx.ine.redes.support.input.StrictJson;
import org.junit.jupiter.api.Test;

/** The strict reading of request bodies, as the REST layer's mapper reads them. */
class StrictJsonTest {

    enum Network { FACEBOOK, INSTAGRAM, THREADS }

    record Item(LocalDate day, String label) {
    }

    record Sample(String handle, Network network, Integer state, int count, boolean notLocated, Boolean flag,
                  LocalDate day, Instant at, List<Item> items, BigDecimal amount, UUID id,
                  @FreeText String note, @Size(max = 20000) String longText, Duration duration, List<String> tags) {
    }

    private static final String VALID = """
            {"handle":"ine_mx","network":"THREADS","state":7,"count":3,"notLocated":true,"flag":false,
             "day":"2031-03-05","at":"2031-03-05T10:00:00Z","items":[{"day":"2031-03-06","label":"a"}],
             "amount":7,"id":"3f2b8c1e-0d4a-4e7b-9c55-1a2b3c4d5e6f","note":"línea 1\\nlínea 2\\tfin",
             "duration":"PT48H","tags":[]}""";

    private final ObjectMapper mapper = StrictJson.configure(new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), 100);

    @Test
    void shouldReadValuesOfTheirOwnTypes() throws Exception {
        Sample sample = mapper.readValue(VALID, Sample.class);

        assertThat(sample.network()).isEqualTo(Network.THREADS);
        assertThat(sample.state()).isEqualTo(7);
        assertThat(sample.amount()).isEqualByComparingTo("7");
        assertThat(sample.day()).isEqualTo(LocalDate.of(2031, 3, 5));
        assertThat(sample.at()).isEqualTo(Instant.parse("2031-03-05T10:00:00Z"));
        assertThat(sample.note()).isEqualTo("línea 1\nlínea 2\tfin");
        assertThat(sample.duration()).isEqualTo(Duration.ofHours(48));
        assertThat(sample.tags()).isEmpty();
    }

    @Test
    void shouldRefuseANumberForAnEnum() {
        assertRefused(with("\"network\":\"THREADS\"", "\"network\":2"), "network", "Debe ser uno de: FACEBOOK, INSTAGRAM, THREADS (texto).");
        assertRefused(with("\"network\":\"THREADS\"", "\"network\":\"2\""), "network", "Debe ser uno de: FACEBOOK, INSTAGRAM, THREADS (texto).");
    }

    @Test
    void shouldRefuseANumberForAString() {
        assertRefused(with("\"handle\":\"ine_mx\"", "\"handle\":123"), "handle", "Debe ser un texto (cadena JSON).");
        assertRefused(with("\"handle\":\"ine_mx\"", "\"handle\":true"), "handle", "Debe ser un texto (cadena JSON).");
    }

    @Test
    void shouldRefuseAStringOrAFloatForAnInteger() {
        String integer = "Debe ser un número entero entre -2147483648 y 2147483647.";
        assertRefused(with("\"state\":7", "\"state\":\"7\""), "state", integer);
        assertRefused(with("\"state\":7", "\"state\":7.5"), "state", integer);
        assertRefused(with("\"count\":3", "\"count\":3.0"), "count", integer);
        assertRefused(with("\"count\":3", "\"count\":\"3\""), "count", integer);
        assertRefused(with("\"amount\":7", "\"amount\":\"7\""), "amount", "Debe ser un número.");
    }

    @Test
    void shouldRefuseAnIntegerBeyondItsRange() {
        JsonProcessingException refused = refusal(with("\"state\":7", "\"state\":2147483648"));

        assertThat(JsonRefusals.reason(refused).es()).startsWith("Número fuera del rango admitido");
    }

    @Test
    void shouldRefuseANumberOrAStringForABoolean() {
        assertRefused(with("\"notLocated\":true", "\"notLocated\":1"), "notLocated", "Debe ser true o false.");
        assertRefused(with("\"notLocated\":true", "\"notLocated\":\"true\""), "notLocated", "Debe ser true o false.");
        assertRefused(with("\"flag\":false", "\"flag\":0"), "flag", "Debe ser true o false.");
    }

    @Test
    void shouldRefuseNullForAPrimitive() {
        assertThat(refusal(with("\"count\":3", "\"count\":null"))).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void shouldRefuseAnArrayOrANumberForADateOrInstant() {
        assertRefused(with("\"day\":\"2031-03-05\"", "\"day\":[2031,3,5]"), "day", null);
        assertRefused(with("\"at\":\"2031-03-05T10:00:00Z\"", "\"at\":1930000000"), "at", null);
        assertRefused(with("\"duration\":\"PT48H\"", "\"duration\":172800"), "duration", null);
        assertRefused(with("\"items\":[{\"day\":\"2031-03-06\"", "\"items\":[{\"day\":[2031,3,6]"), "items[0].day", null);
    }

    @Test
    void shouldRefuseDatesOutsideTheSupportedYearsWithoutAlteringThem() {
        String years = "Debe estar entre los años 1990 y 2200 (el calendario no admite otros).";
        assertRefused(with("\"day\":\"2031-03-05\"", "\"day\":\"0000-01-01\""), "day", years);
        assertRefused(with("\"day\":\"2031-03-05\"", "\"day\":\"2201-01-01\""), "day", years);
        assertRefused(with("\"at\":\"2031-03-05T10:00:00Z\"", "\"at\":\"+999999999-12-31T23:59:59Z\""), "at", null);
        assertRefused(with("\"at\":\"2031-03-05T10:00:00Z\"", "\"at\":\"1989-12-31T23:59:59Z\""), "at", years);
    }

    @Test
    void shouldRefuseADateTimeWhereADateIsDeclared() {
        assertRefused(with("\"day\":\"2031-03-05\"", "\"day\":\"2031-03-05T10:00:00\""), "day", null);
    }

    @Test
    void shouldRefuseControlCharactersOutsideFreeText() {
        assertRefused(with("\"handle\":\"ine_mx\"", "\"handle\":\"ine\\u0000mx\""), "handle",
                "Contiene un carácter de control (U+0000), que no se admite en este campo.");
        assertRefused(with("\"handle\":\"ine_mx\"", "\"handle\":\"ine\\nmx\""), "handle",
                "Contiene un carácter de control (U+000A), que no se admite en este campo.");
        assertRefused(with("\"label\":\"a\"", "\"label\":\"a\\u001b\""), "items[0].label", null);
        assertRefused(with("\"tags\":[]", "\"tags\":[\"ok\",\"b\\u0007\"]"), "tags[1]", null);
    }

    @Test
    void shouldRefuseNulEvenInFreeText() {
        assertRefused(with("\"note\":\"línea 1", "\"note\":\"\\u0000línea 1"), "note",
                "Contiene un carácter de control (U+0000); solo se admiten tabulador y saltos de línea.");
    }

    @Test
    void shouldRefuseTextLongerThanTheDefaultMaximumUnlessTheFieldStatesItsOwn() throws Exception {
        String longText = "x".repeat(101);
        assertRefused(with("\"handle\":\"ine_mx\"", "\"handle\":\"" + longText + "\""), "handle",
                "Debe tener como máximo 100 caracteres.");

        assertThat(mapper.readValue(with("\"tags\":[]", "\"tags\":[],\"longText\":\"" + longText + "\""), Sample.class).longText())
                .hasSize(101);
    }

    @Test
    void shouldNameAnUnknownField() {
        JsonProcessingException refused = refusal(with("\"tags\":[]", "\"tags\":[],\"status\":\"ACTIVE\""));

        assertThat(refused).isInstanceOf(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class);
        assertThat(JsonRefusals.reason(refused).es()).isEqualTo("No es un campo de esta operación (o lo asigna el servidor); quítelo.");
    }

    @Test
    void shouldRefuseTrailingContent() {
        assertThat(refusal(VALID + " {}")).isNotNull();
    }

    @Test
    void shouldSayWhatWasExpectedInEnglishToo() {
        JsonProcessingException refused = refusal(with("\"state\":7", "\"state\":\"7\""));

        assertThat(JsonRefusals.reason(refused).en()).isEqualTo("Must be a whole number between -2147483648 and 2147483647.");
    }

    private static String with(String original, String replacement) {
        assertThat(VALID).contains(original);
        return VALID.replace(original, replacement);
    }

    private JsonProcessingException refusal(String json) {
        return catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(json, Sample.class));
    }

    private void assertRefused(String json, String field, String message) {
        JsonProcessingException refused = refusal(json);
        assertThat(refused).as("refused: " + json).isNotNull().isInstanceOf(JsonMappingException.class);
        assertThat(ProblemMappers.jsonPath(((JsonMappingException) refused).getPath())).isEqualTo(field);
        if (message != null) {
            assertThat(JsonRefusals.reason(refused).es()).isEqualTo(message);
        }
    }
}
