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

    public record DemoAccount(String network, String handle, String displayName, String kind, String areaCode) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("network", network);
            json.put("handle", handle);
            json.put("displayName", displayName);
            json.put("kind", kind);
            json.put("areaCode", areaCode);
            return json;
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

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("X", "INEMexico", "INE México", "INSTITUTIONAL", "CNCS"),
            new DemoAccount("FACEBOOK", "INEMexico", "INE México Instituto Nacional Electoral", "INSTITUTIONAL", "CNCS"),
            new DemoAccount("YOUTUBE", "INETV", "INETV", "INSTITUTIONAL", "CNCS"),
            new DemoAccount("INSTAGRAM", "inemexico", "INE México", "INSTITUTIONAL", "CNCS"),
            new DemoAccount("TIKTOK", "inemexico", "INE México", "INSTITUTIONAL", "CNCS"),
            new DemoAccount("X", "INETelMX", "INETel", "INSTITUTIONAL", "DERFE"),
            new DemoAccount("FACEBOOK", "INETelMX", "INETel", "INSTITUTIONAL", "DERFE"),
            new DemoAccount("X", "VotoExtranjero", "Voto Extranjero", "PROGRAMME", "DERFE"),
            new DemoAccount("FACEBOOK", "VotoExtranjero", "Voto Mexicano", "PROGRAMME", "DERFE"),
            new DemoAccount("X", "PoderEsTuyo", "PoderEsTuyo", "CITIZEN_PROFILE", "DECEYEC"),
            new DemoAccount("FACEBOOK", "PoderEsTuyo", "PoderEsTuyo", "CITIZEN_PROFILE", "DECEYEC"),
            new DemoAccount("X", "INEChiapas", "INE Chiapas", "INSTITUTIONAL", "JLE-CHIS"),
            new DemoAccount("FACEBOOK", "INEChiapas", "INE Chiapas", "INSTITUTIONAL", "JLE-CHIS"),
            new DemoAccount("X", "INE_JDE03_CHIS", "INE Junta Distrital 03 Chiapas", "INSTITUTIONAL", "JDE-CHIS-03"));

    /** Who would administer which demo account, once administrators can be registered through the API. */
    public static final List<Map<String, String>> ADMINISTRATORS = List.of(
            Map.of("email", "redes.cncs@ine.mx", "area", "CNCS",
                    "accounts", "X @INEMexico, FACEBOOK INEMexico, YOUTUBE INETV, INSTAGRAM inemexico, TIKTOK inemexico"),
            Map.of("email", "redes.derfe@ine.mx", "area", "DERFE",
                    "accounts", "X @INETelMX, FACEBOOK INETelMX, X @VotoExtranjero, FACEBOOK VotoExtranjero"),
            Map.of("email", "redes.deceyec@ine.mx", "area", "DECEYEC", "accounts", "X @PoderEsTuyo, FACEBOOK PoderEsTuyo"),
            Map.of("email", "redes.jle.chis@ine.mx", "area", "JLE-CHIS", "accounts", "X @INEChiapas, FACEBOOK INEChiapas"),
            Map.of("email", "redes.jde03.chis@ine.mx", "area", "JDE-CHIS-03", "accounts", "X @INE_JDE03_CHIS"));

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
        int accountsCreated = 0;
        int accountsExisting = 0;
        for (DemoAccount account : ACCOUNTS) {
            String what = "account " + account.network() + " " + account.handle();
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
