package mx.ine.redes.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. A client's mistake is a 4xx that names
 * what is wrong; anything else is a 500 with a reference to the log, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Ahead of the framework's own mappers for the same exception types. */
    private static final int FIRST = 100;

    @ServerExceptionMapper(priority = FIRST)
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        boolean english = english(headers);
        String title = e.title() != null ? e.title() : ProblemTexts.title(e.status(), english);
        String detail = e.detail() == null ? null : e.detail().in(english);
        List<Problem.InvalidField> errors = e.violations().stream().map(v -> v.in(english)).toList();
        Response response = respond(new Problem(type(e.status()), title, e.status(), detail, path(uri), errors));
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidFields(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        boolean english = english(headers);
        List<Problem.InvalidField> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String parameter = ConstrainedParameters.name(violation);
            fields.add(parameter != null ? Problem.InvalidField.parameter(parameter, violation.getMessage())
                    : new Problem.InvalidField(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        fields.sort(Comparator.comparing((Problem.InvalidField f) -> f.field() != null ? f.field() : f.parameter(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return respond(new Problem(type(400), ProblemTexts.title(400, english), 400,
                ProblemTexts.invalidFields(english), path(uri), fields));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response malformedJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    private Response unsupportedType(HttpHeaders headers, UriInfo uri) {
        boolean english = english(headers);
        String sent;
        try {
            sent = headers == null || headers.getMediaType() == null ? null : headers.getMediaType().toString();
        } catch (RuntimeException unreadable) {
            sent = null;
        }
        return respond(new Problem(type(415), ProblemTexts.title(415, english), 415,
                ProblemTexts.unsupportedType(sent, english), path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidJsonValue(com.fasterxml.jackson.databind.exc.InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unparsableJson(com.fasterxml.jackson.core.JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return malformedBody(e, headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response badCredentials(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return standard(403, headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response conflictingRow(org.hibernate.exception.ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        boolean english = english(headers);
        LOG.infof("Request refused by a database constraint %s: %s", e.getConstraintName(), e.getMessage());
        return respond(new Problem(type(409), ProblemTexts.title(409, english), 409,
                english ? "The request conflicts with existing data." : "La solicitud entra en conflicto con datos existentes.",
                path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response concurrentEdit(jakarta.persistence.OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return concurrentEdit(headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response concurrentEdit(org.hibernate.StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return concurrentEdit(headers, uri);
    }

    private Response concurrentEdit(HttpHeaders headers, UriInfo uri) {
        boolean english = english(headers);
        return respond(new Problem(type(409), ProblemTexts.title(409, english), 409,
                ProblemTexts.concurrentEdit(english), path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        // The JSON reader reports an unreadable body as a 400 whose cause says what was wrong.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedBody(json, headers, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        if (status == 415) {
            return unsupportedType(headers, uri);
        }
        Response response = standard(status, headers, uri);
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper(priority = FIRST + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (databaseUnreachable(e)) {
            return databaseUnavailable(e, headers, uri);
        }
        // A known failure wrapped by a layer on the way (transaction commit, interceptors) keeps its answer.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, headers, uri);
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
                return concurrentEdit(headers, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException constraint) {
                return conflictingRow(constraint, headers, uri);
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        boolean english = english(headers);
        String detail = ProblemTexts.detail(500, english) + (english ? " Reference: " : " Referencia: ") + reference;
        return respond(new Problem(type(500), ProblemTexts.title(500, english), 500, detail, path(uri), List.of()));
    }

    /** Seconds a client is told to wait ({@code Retry-After}) while the database cannot be reached. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /**
     * The database is down, restarting or has no connection to give: the request was not at fault
     * and may be sent again, so 503 with {@code Retry-After}, not a 500 (issue 14: PostgreSQL stopped
     * under load). Whatever the transaction wrote was rolled back with it.
     */
    private Response databaseUnavailable(Throwable e, HttpHeaders headers, UriInfo uri) {
        boolean busy = poolExhausted(e);
        LOG.warnf("%s, answered 503: %s", busy ? "No database connection free in time" : "Database unreachable", e);
        boolean english = english(headers);
        String detail;
        if (busy) {
            // Every connection was in use for the whole wait: the service is overloaded, the database is up.
            detail = english ? "The service is handling more requests than it can right now and could not complete this one."
                    + " Try again in a few seconds."
                    : "El servicio atiende en este momento más solicitudes de las que puede y no pudo completar esta."
                    + " Intente de nuevo en unos segundos.";
        } else {
            detail = english ? "The database cannot be reached right now; nothing was changed. Try again in a few seconds."
                    : "La base de datos no está disponible en este momento; no se cambió nada. Intente de nuevo en unos segundos.";
        }
        return Response.fromResponse(respond(new Problem(type(503), ProblemTexts.title(503, english), 503, detail, path(uri),
                List.of()))).header("Retry-After", Integer.toString(DATABASE_RETRY_AFTER_SECONDS)).build();
    }

    /**
     * Whether a failure is the database being out of reach: a connection that cannot be made or was
     * lost (SQLState class 08), the server shutting down or starting (57P01-57P03), no new connection
     * made in time, or every connection of the pool in use for the whole wait ({@link #poolExhausted}).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return true;
                }
                if (sql.getMessage() != null && (sql.getMessage().startsWith("Acquisition timeout")
                        || sql.getMessage().equals(POOL_EXHAUSTED))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Agroal's words when every connection of the pool stayed in use for the whole acquisition timeout. */
    private static final String POOL_EXHAUSTED = "Sorry, acquisition timeout!";

    /** Whether a failure is the connection pool finding no free connection in time (an overload, not an outage). */
    static boolean poolExhausted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && POOL_EXHAUSTED.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private Response malformedBody(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        // A request record that refuses its own values (compact constructor) speaks for itself.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, headers, uri);
            }
        }
        boolean english = english(headers);
        List<Problem.InvalidField> fields = List.of();
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping.getPath());
            if (e instanceof UnrecognizedPropertyException unknown && !field.endsWith(String.valueOf(unknown.getPropertyName()))) {
                field = field.isEmpty() ? unknown.getPropertyName() : field + "." + unknown.getPropertyName();
            }
            if (!field.isEmpty()) {
                fields = List.of(new Problem.InvalidField(field, JsonRefusals.reason(mapping).in(english)));
            }
        } else if (e instanceof InputCoercionException) {
            // A number out of the range of its type is refused before Jackson knows the field.
            fields = List.of(new Problem.InvalidField(null, JsonRefusals.reason(e).in(english)));
        }
        return respond(new Problem(type(400), ProblemTexts.title(400, english), 400,
                ProblemTexts.malformedJson(english), path(uri), fields));
    }

    private Response unauthorized(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(standard(401, headers, uri)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response standard(int status, HttpHeaders headers, UriInfo uri) {
        boolean english = english(headers);
        return respond(new Problem(type(status), ProblemTexts.title(status, english), status,
                ProblemTexts.detail(status, english), path(uri), List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean english(HttpHeaders headers) {
        return ReaderLanguage.english(headers);
    }

    private static String type(int status) {
        return "https://redes.ine.mx/problemas/" + status;
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    /** {@code register.request.handle} becomes {@code handle}: the client knows no method names. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // A node inside a list carries the index of its element, which belongs to the list's name; when the
            // list is the body itself, the index comes first ([0].description), as in a JSON refusal.
            if (node.isInIterable() && (!name.isEmpty() || parameter != null && node.getKind() == ElementKind.PROPERTY)) {
                name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
        }
        if (!name.isEmpty()) {
            return name.toString();
        }
        return parameter != null ? parameter : path.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}
