package mx.ine.redes.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.testing.BenchmarkFigures;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens a semester cycle for 10,000 active accounts on the real PostgreSQL and prints how long it
 * took (target: under 5 s; a benchmark prints, it does not assert speed). Afterwards the accounts
 * leave the active registry and their requests are removed, so that a later test is not slowed.
 * {@code mvn -B verify -Pbenchmark -pl evaluation-service -Dtest=CycleOpeningBenchmarkTest}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CycleOpeningBenchmarkTest {

    private static final int ACCOUNTS = 10_000;
    private static final String AREA = "BENCH-CYCLE";

    @Inject
    RequestService requests;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldOpenACycleForTenThousandAccounts() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into reviewed_account (account_id, network, handle, area_code, area_level, state, district,
                    head_email, administrator_emails, status, updated_at, ancestors)
                select gen_random_uuid(), 'X', 'bench' || n, :area, 'DISTRICT', 7, 1, 'titular.bench@ine.mx',
                    jsonb_build_array('admin.bench' || n || '@ine.mx'), 'ACTIVE', now(), '[]'
                from generate_series(1, :n) n""").setParameter("area", AREA).setParameter("n", ACCOUNTS).executeUpdate());
        long active = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from reviewed_account where status = 'ACTIVE'").getSingleResult()).longValue());
        try {
            long started = System.nanoTime();
            ReviewCycle cycle = QuarkusTransaction.requiringNew().timeout(600).call(() -> requests.openCycle("2018-S1", "benchmark@ine.mx"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("CycleOpeningBenchmark: cycle 2018-S1 opened for %,d active accounts (%,d of them the benchmark's)"
                    + " in %,d ms (%,.0f requests/s; target under 5 s)%n", cycle.requestCount, ACCOUNTS, millis,
                    cycle.requestCount * 1000.0 / Math.max(1, millis));
            BenchmarkFigures.record("Evaluation (evaluation-service)", String.format(java.util.Locale.ROOT,
                    "opening a cycle of %,d accounts (a request, its notice and its event each)", cycle.requestCount),
                    millis / 1000.0, "s", "< 5 s", millis < 5_000);
            assertThat(cycle.requestCount).isEqualTo((int) active);
            long issued = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                    select count(*) from submission_request r join notification n on n.subject_id = r.id
                    where r.cycle_id = '2018-S1' and r.area_code = :area and n.kind = 'REQUEST_ISSUED'""")
                    .setParameter("area", AREA).getSingleResult()).longValue());
            assertThat(issued).as("one request and one notice per account").isEqualTo(ACCOUNTS);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("""
                        delete from notification where subject_id in (select id from submission_request where cycle_id = '2018-S1')""")
                        .executeUpdate();
                entityManager.createNativeQuery("delete from submission_request where cycle_id = '2018-S1'").executeUpdate();
                entityManager.createNativeQuery("delete from review_cycle where id = '2018-S1'").executeUpdate();
                entityManager.createNativeQuery("update reviewed_account set status = 'FORMER' where area_code = :area")
                        .setParameter("area", AREA).executeUpdate();
            });
        }
    }
}
