package mx.ine.redes.reporting.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.util.Date;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The dashboard's session: the identity provider's JWT in an HttpOnly cookie ({@code mp.jwt.token.cookie}),
 * which browsers send by themselves (they send no bearer header). The cookie is scoped to {@link #PATH}, so
 * the REST API under {@code /api} still sees only bearer headers, and {@code SameSite=Strict}, so that no
 * other site can make a browser use it.
 */
@ApplicationScoped
public class DashboardSession {

    /** The dashboard's pages, the only paths the session cookie is sent to. */
    public static final String PATH = "/operations";
    public static final String SIGN_IN_PATH = PATH + "/sign-in";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "mp.jwt.token.cookie")
    String cookieName;

    /** A signed-in person as the page greets them. */
    public record Person(String name, String email, SecurityIdentity identity) {
    }

    /**
     * Who signed in, if anyone: a token that is no longer valid (expired, signed by another key) counts as
     * nobody, so the browser is sent to sign in again instead of seeing an error.
     */
    public Optional<Person> signedIn() {
        try {
            if (identity.isAnonymous()) {
                return Optional.empty();
            }
        } catch (AuthenticationFailedException invalidToken) {
            return Optional.empty();
        }
        String email = Optional.ofNullable(token.<String>getClaim("email")).orElse(token.getName());
        String name = Optional.ofNullable(token.<String>getClaim("name")).orElse(email);
        return Optional.of(new Person(name, email, identity));
    }

    /** The cookie that signs a browser in with {@code jwt}: for this browser session only. */
    public NewCookie open(String jwt, boolean secure) {
        return new NewCookie.Builder(cookieName).value(jwt).path(PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The cookie that signs a browser out (expired at once). */
    public NewCookie close(boolean secure) {
        return new NewCookie.Builder(cookieName).value("").path(PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).expiry(new Date(0)).build();
    }

    /** Whether the browser sent a session cookie at all (to drop one that no longer signs anybody in). */
    public boolean sentBy(jakarta.ws.rs.core.HttpHeaders headers) {
        return headers.getCookies().containsKey(cookieName);
    }
}
