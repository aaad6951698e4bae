package mx.ine.redes.accounts.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.config.RegistryConfig;
import mx.ine.redes.accounts.service.PublicVerification;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.ratelimit.RateLimiter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public check, for anybody: its answers speak to a citizen (what the account is, or how to
 * give an address the check can read), never to the Institute's staff.
 */
@Path("/api/public/verify")
@Tag(name = "Verificación pública")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class PublicVerificationResource {

    @Inject
    PublicVerification verification;

    @Inject
    RegistryConfig config;

    @Inject
    Clock clock;

    /** One instance (this resource is a singleton): the buckets are the limit's memory. */
    private RateLimiter limiter;

    @PostConstruct
    void buildTheLimit() {
        limiter = new RateLimiter("registry.verification", config.verification(), clock);
    }

    @GET
    @PermitAll
    @Operation(summary = "¿Es esta una cuenta oficial del INE?",
            description = "Sin autenticación. Responde OFFICIAL, FORMER (con su fecha de baja) o UNKNOWN, con una frase para"
                    + " la ciudadanía (en inglés con Accept-Language: en); 429 con Retry-After si se excede el límite de"
                    + " consultas por minuto de una dirección (IPv6: de su red /64).")
    @APIResponse(responseCode = "200", description = "El veredicto sobre la dirección consultada")
    @APIResponse(responseCode = "429", description = "Demasiadas consultas desde esta dirección",
            headers = @Header(name = "Retry-After", description = "Segundos que hay que esperar"))
    public RestResponse<VerificationResponse> verifyPublicly(@QueryParam("url") @NotBlank @Size(max = 500) String url,
                                                             @Context HttpServerRequest request, @Context HttpHeaders headers) {
        boolean english = english(headers.getAcceptableLanguages());
        limiter.enforce(request, Text.of(
                "Demasiadas consultas desde esta dirección; intente de nuevo en unos segundos.",
                "Too many checks from this address; try again in a few seconds."));
        PublicVerification.Result result;
        try {
            result = verification.verify(url);
        } catch (ProblemException notAnAccountAddress) {
            // The parser's reasons are written for CNCS (how to register an account); a citizen needs to
            // know what to paste instead.
            Text citizen = Text.of("No reconocemos esta dirección como la de una cuenta en una red social. Copie la dirección"
                            + " completa del perfil o de la página (por ejemplo, https://x.com/INEMexico), no la de una"
                            + " publicación, un video o un enlace acortado.",
                    "We do not recognise this address as that of a social-media account. Copy the full address of the"
                            + " profile or page (for example, https://x.com/INEMexico), not that of a post, a video or a"
                            + " short link.");
            throw ProblemException.invalidParameter("url", citizen);
        }
        Account account = result.account().orElse(null);
        VerificationResponse body = switch (result.verdict()) {
            case OFFICIAL -> new VerificationResponse("OFFICIAL", english
                    ? "This is an official account of the Instituto Nacional Electoral, of " + account.area.name + "."
                    : "Es una cuenta oficial del Instituto Nacional Electoral, de " + account.area.name + ".",
                    account.network, account.handle, account.url, account.displayName, account.area.name, null);
            case FORMER -> new VerificationResponse("FORMER", english
                    ? "It was an official account of the Instituto Nacional Electoral (" + account.area.name + ") until it"
                            + " was closed on " + account.decommissionedOn + "; it no longer is. Do not trust what it publishes"
                            + " in the Institute's name."
                    : "Fue una cuenta oficial del Instituto Nacional Electoral (" + account.area.name + ") hasta su baja el "
                            + account.decommissionedOn + "; ya no lo es. No confíe en lo que publique a nombre del Instituto.",
                    account.network, account.handle, account.url, account.displayName, account.area.name,
                    account.decommissionedOn);
            case UNKNOWN -> new VerificationResponse("UNKNOWN", english
                    ? "It is not registered as an official account of the Instituto Nacional Electoral. Be careful with what"
                            + " it publishes in the Institute's name."
                    : "No está registrada como cuenta oficial del Instituto Nacional Electoral. Tenga cuidado con lo que"
                            + " publique a nombre del Instituto.",
                    result.address().network(), result.address().handle(), result.address().canonicalUrl(), null, null, null);
        };
        return RestResponse.ResponseBuilder.ok(body).header("Cache-Control", "no-store").build();
    }

    private static boolean english(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("es".equals(locale.getLanguage())) {
                return false;
            }
            if ("en".equals(locale.getLanguage())) {
                return true;
            }
        }
        return false;
    }
}
