package mx.ine.redes.accounts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.BenchmarkFigures;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The largest subtree the Institute has: a central root above the 32 state boards and the 300
 * district boards, three accounts each (every tenth decommissioned). Changing the root's head
 * announces every live account in one transaction; this measures how long that PATCH takes.
 * {@code mvn -B verify -Pbenchmark -pl accounts-service -Dtest=AreaSubtreeBenchmarkTest}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AreaSubtreeBenchmarkTest {

    private static final int ACCOUNTS_PER_AREA = 3;

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/")
    URI base;

    @Test
    void measureAHeadChangeOfTheWholeCountry() throws Exception {
        String prefix = "S" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        long live = load(prefix);
        HttpClient http = HttpClient.newHttpClient();
        String token = TestTokens.forRole(Roles.CNCS);
        long[] millis = new long[3];
        for (int round = 0; round < millis.length; round++) {
            HttpRequest patch = HttpRequest.newBuilder(base.resolve("/api/areas/" + prefix + "-ROOT"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"headName\":\"Titular " + round + "\",\"headEmail\":\"titular" + round + "@ine.mx\"}"))
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(patch, HttpResponse.BodyHandlers.ofString());
            millis[round] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        long written = QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createQuery("""
                        select count(o) from OutboxMessage o where o.eventType = 'AccountUpdated' and o.messageKey in
                        (select cast(a.id as String) from Account a where a.area.code like :prefix)""")
                .setParameter("prefix", prefix + "-%").getSingleResult());
        assertThat(written).isEqualTo(live * millis.length);
        System.out.printf("AREA SUBTREE BENCHMARK head change of a root over 332 areas, %d live accounts: %s ms%n",
                live, java.util.Arrays.toString(millis));
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        BenchmarkFigures.record("Registry (accounts-service)", String.format(java.util.Locale.ROOT,
                "head change of a root over 332 areas, announcing its %,d live accounts (median of %d)", live, sorted.length),
                sorted[sorted.length / 2], "ms", "", null);
    }

    private long load(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("""
                    insert into area (id, code, name, level, created_at, head_name, head_email)
                    values (gen_random_uuid(), :prefix || '-ROOT', 'Raíz de prueba', 'CENTRAL', now(), 'Titular', 'titular@ine.mx')""")
                    .setParameter("prefix", prefix).executeUpdate();
            // The shape of the country (a root, 32 boards below it, 300 below those) with central areas:
            // the state and district seats (one board each, V5) stay free for RegistryBenchmarkTest's boards.
            entityManager.createNativeQuery("""
                    insert into area (id, code, name, level, state, parent_id, created_at, head_name, head_email)
                    select gen_random_uuid(), :prefix || '-JLE-' || lpad(s::text, 2, '0'), 'Junta Local ' || s, 'CENTRAL', null,
                           (select id from area where code = :prefix || '-ROOT'), now(), 'Vocal ' || s, 'vocal' || s || '@ine.mx'
                    from generate_series(1, 32) s""").setParameter("prefix", prefix).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into area (id, code, name, level, state, district, parent_id, created_at, head_name, head_email)
                    select gen_random_uuid(), :prefix || '-JDE-' || lpad(s::text, 3, '0'), 'Junta Distrital ' || s, 'CENTRAL',
                           null, null,
                           (select id from area where code = :prefix || '-JLE-' || lpad((1 + (s % 32))::text, 2, '0')), now(),
                           'Vocal distrital ' || s, 'vocal.distrital' || s || '@ine.mx'
                    from generate_series(1, 300) s""").setParameter("prefix", prefix).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into account (id, network, handle, url, display_name, kind, status, area_id, registered_on,
                                         created_at, dormant, search_text, decommissioned_on, decommission_reason)
                    select gen_random_uuid(), 'X', lower(:prefix) || 'h' || row_number() over (),
                           'https://x.com/' || lower(:prefix) || 'h' || row_number() over (), 'Cuenta ' || area.code,
                           'INSTITUTIONAL', case when n = 1 and right(area.code, 1) = '0' then 'DECOMMISSIONED' else 'ACTIVE' end,
                           area.id, current_date - 100, now(), false, area.code,
                           case when n = 1 and right(area.code, 1) = '0' then current_date end,
                           case when n = 1 and right(area.code, 1) = '0' then 'prueba' end
                    from area, generate_series(1, :perArea) n where area.code like :prefix || '-%'""")
                    .setParameter("prefix", prefix).setParameter("perArea", ACCOUNTS_PER_AREA).executeUpdate();
            entityManager.createNativeQuery("analyze").executeUpdate();
            return (Long) entityManager.createQuery(
                            "select count(a) from Account a where a.area.code like :prefix and a.status <> :gone")
                    .setParameter("prefix", prefix + "-%")
                    .setParameter("gone", mx.ine.redes.accounts.AccountStatus.DECOMMISSIONED).getSingleResult();
        });
    }
}
