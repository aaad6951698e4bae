package mx.ine.redes.support.correlation;

import jakarta.enterprise.context.RequestScoped;

/** Holds the correlation id of one HTTP request; set by {@link CorrelationFilter}. */
@RequestScoped
public class RequestCorrelation {

    String id;
}
