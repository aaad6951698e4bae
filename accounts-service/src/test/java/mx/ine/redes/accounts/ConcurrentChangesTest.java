package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.registerPerson;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueStaffEmail;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Two real requests at the same time on the same account: they wait for each other (area chain,
 * then account) and both land, the later snapshot carrying both; neither is a 500 nor lost.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ConcurrentChangesTest {

    @Test
    void shouldApplyAnAreaHeadChangeAndAnAdministratorAssignmentRacingOnOneAccount() throws Exception {
        for (int round = 0; round < 4; round++) {
            String area = registerArea();
            String id = registerAccount(area, uniqueXHandle());
            String email = uniqueStaffEmail("admin");
            registerPerson(email);
            String head = "nuevo.titular" + round + "@ine.mx";

            List<Integer> statuses = race(
                    () -> given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                            .body(Map.of("headName", "Nuevo titular", "headEmail", head))
                            .patch("/api/areas/" + area).statusCode(),
                    () -> given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("email", email))
                            .post("/api/accounts/" + id + "/administrators").statusCode());

            assertThat(statuses).as("round %d", round).containsExactly(200, 200);
            AccountUpdated latest = lastUpdate(id);
            assertThat(latest.account().headEmail()).isEqualTo(head);
            assertThat(latest.account().administratorEmails()).containsExactly(email);
        }
    }

    @Test
    void shouldApplyTwoConcurrentCorrectionsOfOneAccountBoth() throws Exception {
        String id = registerAccount(registerArea(), uniqueXHandle());

        List<Integer> statuses = race(
                () -> given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("displayName", "Nombre nuevo"))
                        .patch("/api/accounts/" + id).statusCode(),
                () -> given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("kind", "PROGRAMME"))
                        .patch("/api/accounts/" + id).statusCode());

        assertThat(statuses).containsExactly(200, 200);
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then()
                .body("displayName", org.hamcrest.Matchers.equalTo("Nombre nuevo"))
                .body("kind", org.hamcrest.Matchers.equalTo("PROGRAMME"));
        assertThat(lastUpdate(id).account().displayName()).isEqualTo("Nombre nuevo");
        assertThat(lastUpdate(id).account().kind()).isEqualTo("PROGRAMME");
    }

    @SafeVarargs
    private static List<Integer> race(Callable<Integer>... requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.length);
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (Callable<Integer> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AccountUpdated lastUpdate(String accountId) {
        String envelope = QuarkusTransaction.requiringNew().call(() -> mx.ine.redes.accounts.Account.getEntityManager()
                .createQuery("""
                        select o.envelope from OutboxMessage o where o.messageKey = :key and o.eventType = 'AccountUpdated'
                        order by o.id desc""", String.class)
                .setParameter("key", accountId).setMaxResults(1).getSingleResult());
        EventEnvelope read = EventJson.read(envelope);
        return (AccountUpdated) read.payload();
    }
}
