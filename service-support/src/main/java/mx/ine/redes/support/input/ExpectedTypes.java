package mx.ine.redes.support.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import mx.ine.redes.support.problem.Text;

/** What a client must send for a declared Java type, said the way a person reads it. */
public final class ExpectedTypes {

    private ExpectedTypes() {
    }

    public static Text mustBe(Class<?> type) {
        Text what = describe(type);
        return Text.of("Debe ser " + what.es() + ".", "Must be " + what.en() + ".");
    }

    public static Text describe(Class<?> type) {
        if (type == null) {
            return Text.of("un valor del tipo documentado", "a value of the documented type");
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return Text.of("un texto (cadena JSON)", "a text (JSON string)");
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return Text.of("un número entero entre " + Integer.MIN_VALUE + " y " + Integer.MAX_VALUE,
                    "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class || type == BigInteger.class) {
            return Text.of("un número entero", "a whole number");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return Text.of("un número", "a number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Text.of("true o false", "true or false");
        }
        if (type == UUID.class) {
            return Text.of("un identificador UUID (p. ej. 3f2b8c1e-0d4a-4e7b-9c55-1a2b3c4d5e6f)",
                    "a UUID identifier (e.g. 3f2b8c1e-0d4a-4e7b-9c55-1a2b3c4d5e6f)");
        }
        if (type == LocalDate.class) {
            return Text.of("una fecha ISO-8601 AAAA-MM-DD entre los años " + InputRules.FIRST_YEAR + " y " + InputRules.LAST_YEAR,
                    "an ISO-8601 date YYYY-MM-DD within the years " + InputRules.FIRST_YEAR + " to " + InputRules.LAST_YEAR);
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return Text.of("un instante ISO-8601 con zona (p. ej. 2026-03-05T10:00:00Z) entre los años "
                            + InputRules.FIRST_YEAR + " y " + InputRules.LAST_YEAR,
                    "an ISO-8601 instant with offset (e.g. 2026-03-05T10:00:00Z) within the years "
                            + InputRules.FIRST_YEAR + " to " + InputRules.LAST_YEAR);
        }
        if (type == LocalDateTime.class) {
            return Text.of("una fecha y hora ISO-8601 (AAAA-MM-DDThh:mm:ss)", "an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss)");
        }
        if (type == LocalTime.class) {
            return Text.of("una hora ISO-8601 (hh:mm)", "an ISO-8601 time (hh:mm)");
        }
        if (type == YearMonth.class) {
            return Text.of("un mes ISO-8601 (AAAA-MM)", "an ISO-8601 month (YYYY-MM)");
        }
        if (type == Duration.class || type == Period.class) {
            return Text.of("una duración ISO-8601 en texto (p. ej. PT48H, P1D)", "an ISO-8601 duration as text (e.g. PT48H, P1D)");
        }
        if (type.isEnum()) {
            String constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return Text.of("uno de: " + constants + " (texto)", "one of: " + constants + " (text)");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Text.of("una lista (arreglo JSON)", "a list (JSON array)");
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return Text.of("un objeto JSON", "a JSON object");
        }
        return Text.of("un valor del tipo documentado", "a value of the documented type");
    }
}
