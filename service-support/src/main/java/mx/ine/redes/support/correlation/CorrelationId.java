package mx.ine.redes.support.correlation;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The correlation id of the work in progress: the caller's {@code X-Correlation-Id} (or a new one)
 * during an HTTP request, so that every event an API call causes can be traced back to it.
 */
@ApplicationScoped
public class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";

    @Inject
    RequestCorrelation requestCorrelation;

    /** @return the current id, or {@code null} outside an HTTP request */
    public String current() {
        ManagedContext requestContext = Arc.container().requestContext();
        return requestContext.isActive() ? requestCorrelation.id : null;
    }
}
