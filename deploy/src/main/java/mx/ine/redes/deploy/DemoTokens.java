package mx.ine.redes.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One demo person per role (domain.md §1) and a bearer token for each, signed with the local
 * stack's key as the Institute's identity provider would sign them. Written on every start (fresh
 * {@code iat}/{@code exp}) to {@code tokens.env} (source-able by bash) and {@code tokens.json}.
 */
public final class DemoTokens {

    /** The services' default {@code JWT_ISSUER}. */
    public static final String ISSUER = "https://sso.ine.mx/redes";
    /** The services' default {@code JWT_AUDIENCE}: the tokens are issued for this system. */
    public static final String AUDIENCE = "redes-ine";
    public static final String KEY_ID = "local";
    public static final Duration VALIDITY = Duration.ofDays(30);

    /** A demo person: who they are and which role their token carries. */
    public record DemoPerson(String role, String variable, String name, String email, String areaCode, String note) {
    }

    /**
     * The people. The two account administrators are the ones DemoData assigns: Chiapas's two
     * accounts, and CNCS's national ones (@INEMexico on X among them).
     */
    public static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("cncs", "CNCS_TOKEN", "Subdirección de Medios Alternativos (CNCS)",
                    "medios.alternativos@ine.mx", "CNCS", "Coordinación Nacional de Comunicación Social: todo el registro"),
            new DemoPerson("account-admin", "ACCOUNT_ADMIN_TOKEN", "Administradora de las cuentas de la JLE en Chiapas",
                    "redes.jle.chis@ine.mx", "JLE-CHIS",
                    "Administradora de X @INEChiapas y Facebook INEChiapas: solo ve esas cuentas"),
            new DemoPerson("account-admin", "INEMEXICO_ADMIN_TOKEN", "Administrador de las cuentas nacionales de CNCS",
                    "redes.cncs@ine.mx", "CNCS", "Administrador de X @INEMexico y las demás cuentas nacionales de CNCS"),
            new DemoPerson("area-head", "AREA_HEAD_TOKEN", "Vocal Ejecutivo de la Junta Local Ejecutiva en Chiapas",
                    "titular.jle.chis@ine.mx", "JLE-CHIS", "Titular del área JLE-CHIS (y de las áreas debajo de ella)"),
            new DemoPerson("committee", "COMMITTEE_TOKEN", "Secretaría Técnica del Comité de Gestión y Publicación Electrónica",
                    "comite.gestion@ine.mx", null, "Lee informes y registra resoluciones del Comité"),
            new DemoPerson("transparency", "TRANSPARENCY_TOKEN", "Unidad Técnica de Transparencia",
                    "transparencia@ine.mx", null, "Lee informes"),
            new DemoPerson("integration", "INTEGRATION_TOKEN", "Sistema de integración del INE",
                    "sistema.integracion@ine.mx", null, "Acceso de solo lectura para otros sistemas"));

    private final Map<String, String> tokensByRole;
    private final Path envFile;
    private final Path jsonFile;

    private DemoTokens(Map<String, String> tokensByRole, Path envFile, Path jsonFile) {
        this.tokensByRole = tokensByRole;
        this.envFile = envFile;
        this.jsonFile = jsonFile;
    }

    /** Signs a token per demo person and writes {@code tokens.env} and {@code tokens.json} into {@code directory}. */
    static DemoTokens issue(SigningKeys keys, Path directory, Instant now) {
        JwtSigner signer = new JwtSigner(keys.keyPair().getPrivate(), KEY_ID);
        Map<String, String> tokens = new LinkedHashMap<>();
        StringBuilder env = new StringBuilder()
                .append("# Demo bearer tokens of the local stack, valid until ").append(now.plus(VALIDITY)).append('\n')
                .append("# Signed with ").append(keys.publicKeyFile().getParent().resolve(SigningKeys.PRIVATE_KEY_FILE))
                .append("; issuer ").append(ISSUER).append('\n')
                .append("# Use: source ").append(directory.resolve("tokens.env"))
                .append(", then curl -H \"Authorization: Bearer $CNCS_TOKEN\" <accounts-service>/api/accounts\n");
        List<Map<String, Object>> people = new java.util.ArrayList<>();
        for (DemoPerson person : PEOPLE) {
            String token = signer.sign(claims(person, now));
            // forRole gives the first person of a role (the Chiapas administrator for account-admin).
            tokens.putIfAbsent(person.role(), token);
            env.append("# ").append(person.role()).append(": ").append(person.name()).append(" <")
                    .append(person.email()).append(">\n")
                    .append(person.variable()).append('=').append(token).append('\n');
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", person.role());
            entry.put("variable", person.variable());
            entry.put("name", person.name());
            entry.put("email", person.email());
            if (person.areaCode() != null) {
                entry.put("area", person.areaCode());
            }
            entry.put("note", person.note());
            entry.put("token", token);
            people.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", ISSUER);
        json.put("audience", AUDIENCE);
        json.put("issuedAt", now.toString());
        json.put("expiresAt", now.plus(VALIDITY).toString());
        json.put("publicKey", keys.publicKeyFile().toString());
        json.put("people", people);
        json.put("administrators", DemoData.ACCOUNTS.stream()
                .map(account -> Map.of("email", account.administratorEmail(), "account", account.url())).toList());
        Path envFile = directory.resolve("tokens.env");
        Path jsonFile = directory.resolve("tokens.json");
        try {
            write(envFile, env.toString());
            write(jsonFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo tokens to " + directory, e);
        }
        return new DemoTokens(java.util.Collections.unmodifiableMap(tokens), envFile, jsonFile);
    }

    static Map<String, Object> claims(DemoPerson person, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", person.email());
        claims.put("upn", person.email());
        claims.put("email", person.email());
        claims.put("name", person.name());
        claims.put("groups", List.of(person.role()));
        if ("area-head".equals(person.role())) {
            claims.put("area", person.areaCode());
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(VALIDITY).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** The bearer token of the demo person with this role ({@code cncs}, {@code account-admin}, …). */
    public String forRole(String role) {
        String token = tokensByRole.get(role);
        if (token == null) {
            throw new IllegalArgumentException("No demo token for role " + role);
        }
        return token;
    }

    public Map<String, String> byRole() {
        return tokensByRole;
    }

    public Path envFile() {
        return envFile;
    }

    public Path jsonFile() {
        return jsonFile;
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
