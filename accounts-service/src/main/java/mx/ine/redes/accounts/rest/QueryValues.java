package mx.ine.redes.accounts.rest;

import java.util.Arrays;
import java.util.Locale;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * Enumerated query parameters. JAX-RS answers 404 for a value it cannot convert; a filter with a
 * wrong value is the client's mistake and deserves a 400 that names the parameter.
 */
final class QueryValues {

    private QueryValues() {
    }

    static <E extends Enum<E>> E of(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(parameter, Text.of("Valor no admitido: " + value + ". Admitidos: "
                    + Arrays.toString(type.getEnumConstants()) + ".", "Unsupported value: " + value + ". Accepted: "
                    + Arrays.toString(type.getEnumConstants()) + "."));
        }
    }
}
