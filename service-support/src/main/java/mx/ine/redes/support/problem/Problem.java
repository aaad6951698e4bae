package mx.ine.redes.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code title} and {@code detail} are for people (Spanish unless the
 * client asked for English); {@code errors} names each offending field, parameter or CSV line.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * One offending part of the request and what is wrong with it: a body {@code field}, a query or
     * path {@code parameter}, or a {@code line} of an uploaded file (with the column as {@code field}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvalidField(String field, String parameter, Integer line, String message) {

        public InvalidField(String field, String message) {
            this(field, null, null, message);
        }

        public static InvalidField parameter(String name, String message) {
            return new InvalidField(null, name, null, message);
        }

        /** @param column the column's header name, or {@code null} for the line as a whole */
        public static InvalidField line(int line, String column, String message) {
            return new InvalidField(column, null, line, message);
        }
    }
}
