package mx.ine.redes.support.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Bearer tokens signed with the test JVM's key, as the Institute's identity provider would issue them. */
public final class TestTokens {

    /** The audience the services expect by default ({@code mp.jwt.verify.audiences}, {@code JWT_AUDIENCE}). */
    public static final String AUDIENCE = "redes-ine";

    private TestTokens() {
    }

    /** A token for a demo person of this role. */
    public static String forRole(String role) {
        return forPerson(role.replace('-', '.') + "@ine.mx", Set.of(role), Map.of());
    }

    public static String forPerson(String email, Set<String> roles, Map<String, Object> claims) {
        return forAudience(AUDIENCE, email, roles, claims);
    }

    /** A token signed with the right key for the right issuer, but issued for {@code audience}. */
    public static String forAudience(String audience, String email, Set<String> roles, Map<String, Object> claims) {
        var builder = Jwt.issuer(RealInfrastructure.ISSUER)
                .audience(audience)
                .upn(email)
                .claim("email", email)
                .groups(roles)
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder.sign(signingKey());
    }

    private static PrivateKey signingKey() {
        try {
            byte[] encoded = java.util.Base64.getDecoder().decode(JvmWide.get(JvmWide.JWT_PRIVATE_KEY));
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(encoded));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key unreadable", e);
        }
    }

    /** A token signed with the right key for the right audience and issuer that expired an hour ago. */
    public static String expired(String role) {
        return Jwt.issuer(RealInfrastructure.ISSUER).audience(AUDIENCE).upn(role + "@ine.mx").groups(Set.of(role))
                .issuedAt(java.time.Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(java.time.Instant.now().minus(Duration.ofHours(1)))
                .sign(signingKey());
    }

    /** A token signed with the right key for the right audience, but by another issuer. */
    public static String fromIssuer(String issuer, String role) {
        return Jwt.issuer(issuer).audience(AUDIENCE).upn(role + "@ine.mx").groups(Set.of(role)).expiresIn(Duration.ofHours(1))
                .sign(signingKey());
    }

    /** A well-formed token signed by somebody else's key. */
    public static String forgedFor(String role) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(RealInfrastructure.ISSUER).audience(AUDIENCE).upn("intruso@example.com").groups(Set.of(role))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
