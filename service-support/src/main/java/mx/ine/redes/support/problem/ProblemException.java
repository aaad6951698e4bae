package mx.ine.redes.support.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services for a client's mistake or a broken business rule; answered as a problem
 * with this status, in Spanish or, for {@code Accept-Language: en}, English. Nothing the request
 * meant to change is kept (it rolls back the transaction like any runtime exception).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Text detail;
    private final List<Violation> violations;

    /** One offending field, parameter or line, with its message in both languages. */
    public record Violation(String field, String parameter, Integer line, Text message) {

        public static Violation field(String name, Text message) {
            return new Violation(name, null, null, message);
        }

        public static Violation parameter(String name, Text message) {
            return new Violation(null, name, null, message);
        }

        public static Violation line(int line, String column, Text message) {
            return new Violation(column, null, line, message);
        }

        static Violation of(Problem.InvalidField field) {
            return new Violation(field.field(), field.parameter(), field.line(), Text.spanish(field.message()));
        }

        public Problem.InvalidField in(boolean english) {
            return new Problem.InvalidField(field, parameter, line, message.in(english));
        }
    }

    public ProblemException(int status, String title, String detail, List<Problem.InvalidField> errors) {
        this(status, title, Text.spanish(detail),
                errors == null ? List.<Violation>of() : errors.stream().map(Violation::of).toList(), true);
    }

    public ProblemException(int status, Text detail, List<Violation> violations) {
        this(status, null, detail, violations, true);
    }

    private ProblemException(int status, String title, Text detail, List<Violation> violations, boolean marker) {
        super(detail == null ? null : detail.es());
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, null, detail, List.of());
    }

    public static ProblemException notFound(Text detail) {
        return new ProblemException(404, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, null, detail, List.of());
    }

    public static ProblemException conflict(Text detail) {
        return new ProblemException(409, detail, List.of());
    }

    /** 409 naming the fields that conflict (a duplicate, a re-registration that differs). */
    public static ProblemException conflict(Text detail, List<Violation> violations) {
        return new ProblemException(409, detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, null, message, List.of(new Problem.InvalidField(field, message)));
    }

    public static ProblemException invalid(String field, Text message) {
        return new ProblemException(400, message, List.of(Violation.field(field, message)));
    }

    /** 400 for one or more bad query or path parameters (or fields), each named. */
    public static ProblemException invalid(Text detail, List<Violation> violations) {
        return new ProblemException(400, detail, violations);
    }

    public static ProblemException invalidParameter(String name, Text message) {
        return new ProblemException(400, message, List.of(Violation.parameter(name, message)));
    }

    public static ProblemException unprocessable(String detail, List<Problem.InvalidField> errors) {
        return new ProblemException(422, null, detail, errors);
    }

    public static ProblemException unprocessable(Text detail, List<Violation> violations) {
        return new ProblemException(422, detail, violations);
    }

    /** 429: the client must wait; the answer carries {@code Retry-After} in whole seconds. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return tooManyRequests(Text.spanish(detail), retryAfter);
    }

    public static ProblemException tooManyRequests(Text detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(429, detail, List.of()) {
            @Override
            public Map<String, String> headers() {
                return Map.of("Retry-After", Long.toString(seconds));
            }
        };
    }

    /** Response headers the answer must carry besides the problem itself. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public int status() {
        return status;
    }

    /** @return a specific title, or {@code null} for the standard one of the status */
    public String title() {
        return title;
    }

    public Text detail() {
        return detail;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The offending parts with their Spanish messages. */
    public List<Problem.InvalidField> errors() {
        return violations.stream().map(v -> v.in(false)).toList();
    }
}
