package mx.ine.redes.support.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import mx.ine.redes.support.problem.Text;

/**
 * The rules every value a client sends obeys, wherever it comes (JSON body, query or path
 * parameter): no control characters except, in free text, tab and line breaks; dates and instants
 * within the calendar's supported years.
 */
public final class InputRules {

    /** The first and last year the business-day calendar supports; no date outside them means anything. */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2200;

    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private InputRules() {
    }

    /** Why the text is refused, or empty when it is acceptable. */
    public static Optional<Text> controlCharacters(String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) != Character.CONTROL) {
                continue;
            }
            if (freeText && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            String code = String.format("U+%04X", (int) c);
            return Optional.of(freeText
                    ? Text.of("Contiene un carácter de control (" + code + "); solo se admiten tabulador y saltos de línea.",
                            "Contains a control character (" + code + "); only tab and line breaks are allowed.")
                    : Text.of("Contiene un carácter de control (" + code + "), que no se admite en este campo.",
                            "Contains a control character (" + code + "), which is not allowed in this field."));
        }
        return Optional.empty();
    }

    public static Text tooLong(int max) {
        return Text.of("Debe tener como máximo " + max + " caracteres.", "Must have at most " + max + " characters.");
    }

    /** Why the date or instant is refused (outside the supported years), or empty. */
    public static Optional<Text> outsideSupportedYears(Object value) {
        if (withinSupportedYears(value)) {
            return Optional.empty();
        }
        return Optional.of(Text.of(
                "Debe estar entre los años " + FIRST_YEAR + " y " + LAST_YEAR + " (el calendario no admite otros).",
                "Must be within the years " + FIRST_YEAR + " to " + LAST_YEAR + " (the calendar supports no others)."));
    }

    /** Instants are compared as instants: the largest ones have no year a date-time can hold. */
    private static boolean withinSupportedYears(Object value) {
        return switch (value) {
            case LocalDate date -> supported(date.getYear());
            case LocalDateTime dateTime -> supported(dateTime.getYear());
            case YearMonth month -> supported(month.getYear());
            case Instant instant -> !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
            case OffsetDateTime dateTime -> withinSupportedYears(dateTime.toInstant());
            case ZonedDateTime dateTime -> withinSupportedYears(dateTime.toInstant());
            case null, default -> true;
        };
    }

    private static boolean supported(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
