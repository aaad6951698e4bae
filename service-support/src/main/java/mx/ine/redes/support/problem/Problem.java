package mx.ine.redes.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code title} and {@code detail} are for people (Spanish unless the
 * client asked for English); {@code errors} names each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One offending field of the request and what is wrong with it. */
    public record InvalidField(String field, String message) {
    }
}
