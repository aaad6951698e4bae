package mx.ine.redes.support.problem;

import java.util.List;

/**
 * Thrown by services for a client's mistake or a broken business rule; answered as a problem
 * with this status, in Spanish. Nothing the request meant to change is kept (it rolls back the
 * transaction like any runtime exception).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.InvalidField> errors;

    public ProblemException(int status, String title, String detail, List<Problem.InvalidField> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, null, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, null, detail, List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, null, message, List.of(new Problem.InvalidField(field, message)));
    }

    public static ProblemException unprocessable(String detail, List<Problem.InvalidField> errors) {
        return new ProblemException(422, null, detail, errors);
    }

    /** 429: the client must wait; the answer carries {@code Retry-After} in whole seconds. */
    public static ProblemException tooManyRequests(String detail, java.time.Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(429, null, detail, List.of()) {
            @Override
            public java.util.Map<String, String> headers() {
                return java.util.Map.of("Retry-After", Long.toString(seconds));
            }
        };
    }

    /** Response headers the answer must carry besides the problem itself. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    public int status() {
        return status;
    }

    /** @return a specific title, or {@code null} for the standard one of the status */
    public String title() {
        return title;
    }

    public List<Problem.InvalidField> errors() {
        return errors;
    }
}
