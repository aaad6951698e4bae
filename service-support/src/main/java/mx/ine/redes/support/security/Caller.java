package mx.ine.redes.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the e-mail the Institute's identity provider put in the token, and the roles. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The {@code email} claim (else {@code upn}), lower case; empty for an anonymous caller. */
    public String email() {
        if (identity.isAnonymous()) {
            return "";
        }
        String email = token.getClaim("email");
        if (email == null || email.isBlank()) {
            email = token.getName();
        }
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
