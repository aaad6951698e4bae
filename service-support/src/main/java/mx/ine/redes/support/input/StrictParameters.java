package mx.ine.redes.support.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every query and path parameter of a matched request before the framework converts it
 * (api-conventions, "Parameters"): a value of the wrong type or format is 400 naming the parameter,
 * never 404 nor ignored, and no parameter carries control characters. The declared parameters of
 * each resource method are read once.
 */
public class StrictParameters {

    private final Map<Method, List<DeclaredParameter>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseMalformedParameters(ContainerRequestContext request, ResourceInfo resource) {
        MultivaluedMap<String, String> query;
        MultivaluedMap<String, String> path;
        try {
            query = request.getUriInfo().getQueryParameters();
            path = request.getUriInfo().getPathParameters();
        } catch (IllegalArgumentException badEscape) {
            throw ProblemException.invalid(Text.of("La dirección tiene una secuencia %xx mal formada.",
                    "The address has a malformed %xx sequence."), List.of());
        }
        List<ProblemException.Violation> wrong = new ArrayList<>();
        controlCharacters(query, wrong);
        controlCharacters(path, wrong);
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            for (DeclaredParameter parameter : declared.computeIfAbsent(method, DeclaredParameter::of)) {
                List<String> values = (parameter.source() == DeclaredParameter.Source.QUERY ? query : path).get(parameter.name());
                if (values == null || wrong.stream().anyMatch(v -> parameter.name().equals(v.parameter()))) {
                    continue;
                }
                for (String value : values) {
                    var refused = parameter.check(value);
                    if (refused.isPresent()) {
                        wrong.add(ProblemException.Violation.parameter(parameter.name(), refused.get()));
                        break;
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(Text.of("Uno o más parámetros no son válidos.", "One or more parameters are not valid."),
                    wrong);
        }
    }

    private static void controlCharacters(MultivaluedMap<String, String> parameters, List<ProblemException.Violation> wrong) {
        parameters.forEach((name, values) -> {
            var inName = InputRules.controlCharacters(name, false);
            if (inName.isPresent()) {
                wrong.add(ProblemException.Violation.parameter(name.replaceAll("\\p{Cc}", "?"), inName.get()));
                return;
            }
            for (String value : values) {
                var refused = InputRules.controlCharacters(value, false);
                if (refused.isPresent()) {
                    wrong.add(ProblemException.Violation.parameter(name, refused.get()));
                    return;
                }
            }
        });
    }
}
