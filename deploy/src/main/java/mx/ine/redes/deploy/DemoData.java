package mx.ine.redes.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo registry, loaded through accounts-service's REST API with the CNCS token. Idempotent: an
 * area or account that exists already (409) is left as it is, so every start may load it again.
 *
 * <p>National accounts are the ones the seeds name (seed 001: {@code @INEMexico}, "INE México
 * Instituto Nacional Electoral" on Facebook, {@code INETV} on YouTube, {@code @INETelMx},
 * {@code @VotoExtranjero}, "Voto Mexicano" on Facebook; seed 002: INETelMX, PoderEsTuyo, a citizen
 * profile, on Facebook and X). The seeds name no state or district account, so the Chiapas handles
 * are illustrative.
 */
public final class DemoData {

    public record DemoArea(String code, String name, String level, Integer state, Integer district,
                           String parentCode, String headName, String headEmail) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", code);
            json.put("name", name);
            json.put("level", level);
            json.put("state", state);
            json.put("district", district);
            json.put("parentCode", parentCode);
            json.put("headName", headName);
            json.put("headEmail", headEmail);
            json.values().removeIf(java.util.Objects::isNull);
            return json;
        }
    }

    /** An account registered as a person would: pasting its address, with its administrator. */
    public record DemoAccount(String url, String displayName, String kind, String areaCode, String administratorEmail) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", url);
            json.put("displayName", displayName);
            json.put("kind", kind);
            json.put("areaCode", areaCode);
            json.put("administratorEmails", List.of(administratorEmail));
            return json;
        }
    }

    /** A member of staff who administers demo accounts. */
    public record DemoPerson(String name, String email, String areaCode) {
        Map<String, Object> json() {
            return Map.of("name", name, "email", email, "areaCode", areaCode);
        }
    }

    /** In dependency order: a parent before its children. */
    public static final List<DemoArea> AREAS = List.of(
            new DemoArea("CNCS", "Coordinación Nacional de Comunicación Social", "CENTRAL", null, null, null,
                    "Titular de la CNCS", "titular.cncs@ine.mx"),
            new DemoArea("DECEYEC", "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica", "CENTRAL",
                    null, null, null, "Titular de la DECEYEC", "titular.deceyec@ine.mx"),
            new DemoArea("DERFE", "Dirección Ejecutiva del Registro Federal de Electores", "CENTRAL", null, null,
                    null, "Titular de la DERFE", "titular.derfe@ine.mx"),
            new DemoArea("JLE-CHIS", "Junta Local Ejecutiva en Chiapas", "LOCAL", 7, null, null,
                    "Vocal Ejecutivo de la Junta Local Ejecutiva en Chiapas", "titular.jle.chis@ine.mx"),
            new DemoArea("JDE-CHIS-03", "03 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", 7, 3, "JLE-CHIS",
                    "Vocal Ejecutivo de la 03 Junta Distrital Ejecutiva en Chiapas", "titular.jde03.chis@ine.mx"));

    public static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("Responsable de redes de la CNCS", "redes.cncs@ine.mx", "CNCS"),
            new DemoPerson("Responsable de redes de la DERFE", "redes.derfe@ine.mx", "DERFE"),
            new DemoPerson("Responsable de redes de la DECEYEC", "redes.deceyec@ine.mx", "DECEYEC"),
            new DemoPerson("Responsable de redes de la JLE Chiapas", "redes.jle.chis@ine.mx", "JLE-CHIS"),
            new DemoPerson("Responsable de redes de la 03 JDE Chiapas", "redes.jde03.chis@ine.mx", "JDE-CHIS-03"));

    /** Pasted as people find them: x.com and twitter.com, www. and m. hosts, trailing slashes, queries. */
    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("https://x.com/INEMexico", "INE México", "INSTITUTIONAL", "CNCS", "redes.cncs@ine.mx"),
            new DemoAccount("https://www.facebook.com/INEMexico/", "INE México Instituto Nacional Electoral", "INSTITUTIONAL",
                    "CNCS", "redes.cncs@ine.mx"),
            new DemoAccount("https://www.youtube.com/@INETV", "INETV", "INSTITUTIONAL", "CNCS", "redes.cncs@ine.mx"),
            new DemoAccount("https://www.instagram.com/inemexico/", "INE México", "INSTITUTIONAL", "CNCS", "redes.cncs@ine.mx"),
            new DemoAccount("https://www.tiktok.com/@inemexico?lang=es", "INE México", "INSTITUTIONAL", "CNCS",
                    "redes.cncs@ine.mx"),
            new DemoAccount("https://twitter.com/INETelMX", "INETel", "INSTITUTIONAL", "DERFE", "redes.derfe@ine.mx"),
            new DemoAccount("https://m.facebook.com/INETelMX", "INETel", "INSTITUTIONAL", "DERFE", "redes.derfe@ine.mx"),
            new DemoAccount("https://x.com/VotoExtranjero", "Voto Extranjero", "PROGRAMME", "DERFE", "redes.derfe@ine.mx"),
            new DemoAccount("https://www.facebook.com/VotoExtranjero", "Voto Mexicano", "PROGRAMME", "DERFE",
                    "redes.derfe@ine.mx"),
            new DemoAccount("https://x.com/PoderEsTuyo", "PoderEsTuyo", "CITIZEN_PROFILE", "DECEYEC", "redes.deceyec@ine.mx"),
            new DemoAccount("https://www.facebook.com/PoderEsTuyo", "PoderEsTuyo", "CITIZEN_PROFILE", "DECEYEC",
                    "redes.deceyec@ine.mx"),
            new DemoAccount("https://x.com/INEChiapas", "INE Chiapas", "INSTITUTIONAL", "JLE-CHIS", "redes.jle.chis@ine.mx"),
            new DemoAccount("https://www.facebook.com/INEChiapas", "INE Chiapas", "INSTITUTIONAL", "JLE-CHIS",
                    "redes.jle.chis@ine.mx"),
            new DemoAccount("https://x.com/INE_JDE03_CHIS", "INE Junta Distrital 03 Chiapas", "INSTITUTIONAL", "JDE-CHIS-03",
                    "redes.jde03.chis@ine.mx"));

    /** What a load did: how many were new and how many were there already. */
    public record Result(int areasCreated, int areasExisting, int accountsCreated, int accountsExisting) {
        @Override
        public String toString() {
            return "%d areas (%d new), %d accounts (%d new)".formatted(areasCreated + areasExisting, areasCreated,
                    accountsCreated + accountsExisting, accountsCreated);
        }
    }

    private DemoData() {
    }

    /** Registers whatever of the demo data is missing; fails on any answer but 201 or 409. */
    static Result load(ApiClient api, URI accountsService, String cncsToken) {
        int areasCreated = 0;
        int areasExisting = 0;
        for (DemoArea area : AREAS) {
            if (created(api.postJson(accountsService.resolve("/api/areas"), cncsToken, area.json()), "area " + area.code())) {
                areasCreated++;
            } else {
                areasExisting++;
            }
        }
        for (DemoPerson person : PEOPLE) {
            created(api.postJson(accountsService.resolve("/api/people"), cncsToken, person.json()), "person " + person.email());
        }
        int accountsCreated = 0;
        int accountsExisting = 0;
        for (DemoAccount account : ACCOUNTS) {
            String what = "account " + account.url();
            if (created(api.postJson(accountsService.resolve("/api/accounts"), cncsToken, account.json()), what)) {
                accountsCreated++;
            } else {
                accountsExisting++;
            }
        }
        return new Result(areasCreated, areasExisting, accountsCreated, accountsExisting);
    }

    private static boolean created(ApiClient.Response response, String what) {
        return switch (response.status()) {
            case 200, 201 -> true;
            case 409 -> false;
            default -> throw new IllegalStateException("Demo data: registering " + what + " answered " + response);
        };
    }
}
