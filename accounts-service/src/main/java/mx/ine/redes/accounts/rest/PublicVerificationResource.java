package mx.ine.redes.accounts.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.config.RegistryConfig;
import mx.ine.redes.accounts.service.PublicVerification;
import mx.ine.redes.accounts.service.VerificationRateLimiter;
import mx.ine.redes.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/public/verify")
@Tag(name = "Verificación pública")
@Produces(MediaType.APPLICATION_JSON)
public class PublicVerificationResource {

    @Inject
    PublicVerification verification;

    @Inject
    VerificationRateLimiter limiter;

    @Inject
    RegistryConfig config;

    @GET
    @PermitAll
    @Operation(summary = "¿Es esta una cuenta oficial del INE?",
            description = "Sin autenticación. Responde OFFICIAL, FORMER (con su fecha de baja) o UNKNOWN; 429 con Retry-After si"
                    + " se excede el límite de consultas por minuto.")
    public RestResponse<VerificationResponse> verify(@QueryParam("url") @NotBlank @Size(max = 500) String url,
                                                     @Context HttpServerRequest request) {
        Duration wait = limiter.acquire(clientOf(request));
        if (!wait.isZero()) {
            throw ProblemException.tooManyRequests("Demasiadas consultas desde esta dirección; intente de nuevo más tarde.", wait);
        }
        PublicVerification.Result result = verification.verify(url);
        Account account = result.account().orElse(null);
        VerificationResponse body = switch (result.verdict()) {
            case OFFICIAL -> new VerificationResponse("OFFICIAL", "Es una cuenta oficial del Instituto Nacional Electoral, de "
                    + account.area.name + ".", account.network, account.handle, account.url, account.displayName,
                    account.area.name, null);
            case FORMER -> new VerificationResponse("FORMER", "Fue una cuenta oficial del Instituto Nacional Electoral ("
                    + account.area.name + ") hasta su baja el " + account.decommissionedOn + "; ya no lo es.",
                    account.network, account.handle, account.url, account.displayName, account.area.name,
                    account.decommissionedOn);
            case UNKNOWN -> new VerificationResponse("UNKNOWN", "No está registrada como cuenta oficial del Instituto Nacional"
                    + " Electoral.", result.address().network(), result.address().handle(), result.address().canonicalUrl(),
                    null, null, null);
        };
        return RestResponse.ResponseBuilder.ok(body).header("Cache-Control", "no-store").build();
    }

    private String clientOf(HttpServerRequest request) {
        if (config.verification().trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.remoteAddress() == null ? "desconocido" : request.remoteAddress().host();
    }
}
