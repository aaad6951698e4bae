package mx.ine.redes.support.input;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import mx.ine.redes.support.problem.ProblemException;

/**
 * For a resource that takes a parameter as text and reads it itself (optional forms, several
 * accepted types): the same checks and messages {@link StrictParameters} applies to typed
 * parameters, as a 400 naming the parameter. {@code null} stays {@code null}.
 */
public final class Parameters {

    private Parameters() {
    }

    public static Instant instant(String name, String raw) {
        return raw == null ? null : Instant.parse(checked(name, raw, Instant.class));
    }

    public static LocalDate date(String name, String raw) {
        return raw == null ? null : LocalDate.parse(checked(name, raw, LocalDate.class));
    }

    public static UUID uuid(String name, String raw) {
        return raw == null ? null : UUID.fromString(checked(name, raw, UUID.class));
    }

    public static Integer integer(String name, String raw) {
        return raw == null ? null : Integer.valueOf(checked(name, raw, Integer.class));
    }

    public static Boolean bool(String name, String raw) {
        return raw == null ? null : Boolean.valueOf(checked(name, raw, Boolean.class));
    }

    public static <E extends Enum<E>> E constant(Class<E> type, String name, String raw) {
        return raw == null ? null : Enum.valueOf(type, checked(name, raw, type));
    }

    private static String checked(String name, String raw, Class<?> type) {
        var refused = new DeclaredParameter(DeclaredParameter.Source.QUERY, name, type).check(raw);
        if (refused.isPresent()) {
            throw ProblemException.invalidParameter(name, refused.get());
        }
        return raw;
    }
}
