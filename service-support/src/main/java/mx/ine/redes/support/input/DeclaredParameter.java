package mx.ine.redes.support.input;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import mx.ine.redes.support.problem.Text;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A query or path parameter a resource method declares (directly or in a {@code @BeanParam}), with
 * the check its raw text must pass before the framework converts it: the framework would answer a
 * value it cannot convert with 404 (JAX-RS' rule for query and path parameters), read {@code maybe}
 * as false, or take {@code +5} and {@code TRUE}.
 */
record DeclaredParameter(Source source, String name, Class<?> type) {

    enum Source { QUERY, PATH }

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The parameters of {@code method} whose type this class knows how to check. */
    static List<DeclaredParameter> of(Method method) {
        List<DeclaredParameter> found = new ArrayList<>();
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            java.lang.reflect.Parameter parameter = parameters[i];
            Annotation[] annotations = parameter.getAnnotations();
            if (!add(found, annotations, parameter.getName(), parameter.getType(), parameter.getParameterizedType())
                    && (parameter.isAnnotationPresent(BeanParam.class) || isBeanClass(parameter.getType()))) {
                addFields(found, parameter.getType());
            }
        }
        return List.copyOf(found);
    }

    private static void addFields(List<DeclaredParameter> found, Class<?> beanClass) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (!add(found, field.getAnnotations(), field.getName(), field.getType(), field.getGenericType())
                        && field.isAnnotationPresent(BeanParam.class)) {
                    addFields(found, field.getType());
                }
            }
        }
    }

    private static boolean isBeanClass(Class<?> type) {
        return !type.isPrimitive() && !type.getName().startsWith("java.") && !type.isEnum() && !type.isInterface();
    }

    private static boolean add(List<DeclaredParameter> found, Annotation[] annotations, String javaName, Class<?> type, Type generic) {
        for (Annotation annotation : annotations) {
            Source source = null;
            String name = null;
            if (annotation instanceof QueryParam query) {
                source = Source.QUERY;
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                source = Source.PATH;
                name = path.value();
            } else if (annotation instanceof RestQuery query) {
                source = Source.QUERY;
                name = query.value().isEmpty() ? javaName : query.value();
            } else if (annotation instanceof RestPath path) {
                source = Source.PATH;
                name = path.value().isEmpty() ? javaName : path.value();
            }
            if (source != null) {
                found.add(new DeclaredParameter(source, name, elementType(type, generic)));
                return true;
            }
        }
        return false;
    }

    /** A list or set parameter is checked value by value. */
    private static Class<?> elementType(Class<?> type, Type generic) {
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        if (type == Optional.class && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    /** Why {@code value} is refused for this parameter, or empty. Control characters are checked for every parameter elsewhere. */
    Optional<Text> check(String value) {
        if (type == String.class) {
            return Optional.empty();
        }
        if (type == int.class || type == Integer.class) {
            return wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == short.class || type == Short.class) {
            return wholeNumber(value, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true".equals(value) || "false".equals(value) ? Optional.empty() : refused();
        }
        if (type == UUID.class) {
            return CANONICAL_UUID.matcher(value).matches() ? Optional.empty() : refused();
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value)) {
                    return Optional.empty();
                }
            }
            return refused();
        }
        try {
            Object parsed;
            if (type == LocalDate.class) {
                parsed = LocalDate.parse(value);
            } else if (type == Instant.class) {
                parsed = Instant.parse(value);
            } else if (type == OffsetDateTime.class) {
                parsed = OffsetDateTime.parse(value);
            } else if (type == ZonedDateTime.class) {
                parsed = ZonedDateTime.parse(value);
            } else if (type == YearMonth.class) {
                parsed = YearMonth.parse(value);
            } else if (type == Duration.class) {
                parsed = Duration.parse(value);
            } else if (type == Period.class) {
                parsed = Period.parse(value);
            } else {
                return Optional.empty();
            }
            return InputRules.outsideSupportedYears(parsed);
        } catch (DateTimeParseException | ArithmeticException e) {
            return refused();
        }
    }

    private Optional<Text> wholeNumber(String value, long min, long max) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            // Not a number at all: the type's range would only confuse (a page size is 1 to 500, not ±2^31).
            return Optional.of(Text.of("Debe ser un número entero.", "Must be a whole number."));
        }
        try {
            long number = Long.parseLong(value);
            return number >= min && number <= max ? Optional.empty() : refused();
        } catch (NumberFormatException beyondLong) {
            return refused();
        }
    }

    private Optional<Text> refused() {
        Text expected = ExpectedTypes.describe(type);
        if (type == long.class || type == Long.class) {
            expected = Text.of("un número entero entre " + Long.MIN_VALUE + " y " + Long.MAX_VALUE,
                    "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        } else if (type == boolean.class || type == Boolean.class) {
            expected = Text.of("true o false (en minúsculas)", "true or false (lower case)");
        } else if (type.isEnum()) {
            Text listed = ExpectedTypes.describe(type);
            expected = Text.of(listed.es().replace(" (texto)", ""), listed.en().replace(" (text)", ""));
        }
        return Optional.of(Text.of("Debe ser " + expected.es() + ".", "Must be " + expected.en() + "."));
    }
}
