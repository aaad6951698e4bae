package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.accountBody;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.ManagementInterface;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AccountResourceTest {

    @Test
    void shouldRegisterAccountAndPublishAccountRegistered() {
        String areaCode = registerArea();
        String handle = unique("ine").toLowerCase();

        var created = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(accountBody(areaCode, "@" + handle.toUpperCase()))
                .post("/api/accounts")
                .then().statusCode(201)
                .body("handle", equalTo(handle))
                .body("url", equalTo("https://x.com/" + handle))
                .body("status", equalTo("ACTIVE"))
                .body("areaCode", equalTo(areaCode))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/accounts/" + id);

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id)
                .then().statusCode(200).body("handle", equalTo(handle));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.ACCOUNTS, id);
            assertThat(events).hasSize(1);
            EventEnvelope envelope = events.getFirst();
            assertThat(envelope.type()).isEqualTo("AccountRegistered");
            assertThat(envelope.aggregateId()).isEqualTo(id);
            AccountRegistered registered = (AccountRegistered) envelope.payload();
            assertThat(registered.account().handle()).isEqualTo(handle);
            assertThat(registered.account().network()).isEqualTo("X");
            assertThat(registered.account().areaCode()).isEqualTo(areaCode);
            assertThat(registered.account().areaLevel()).isEqualTo("DISTRICT");
            assertThat(registered.account().headEmail()).isEqualTo("titular.prueba@ine.mx");
            assertThat(publishedAt(envelope.eventId())).isNotNull();
        });
    }

    @Test
    void shouldRejectRequestWithoutTokenAndStoreNothing() {
        String areaCode = registerArea();
        long before = accountCount();
        given().contentType(ContentType.JSON).body(accountBody(areaCode, unique("sintoken")))
                .post("/api/accounts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("title", equalTo("Autenticación requerida"))
                .body("status", equalTo(401));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldRejectForgedToken() {
        given().auth().oauth2(TestTokens.forgedFor(Roles.CNCS)).get("/api/accounts")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRejectTokenWithoutRoleAndStoreNothing() {
        String areaCode = registerArea();
        long before = accountCount();
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(accountBody(areaCode, unique("sinrol")))
                .post("/api/accounts")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Acceso denegado"));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldRejectMalformedJsonAndStoreNothing() {
        long before = accountCount();
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body("{\"network\": \"X\", \"handle\": ")
                .post("/api/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Solicitud inválida"))
                .body("detail", containsString("JSON"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("stackTrace")));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldListEveryInvalidField() {
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", "ine", "displayName", ""))
                .post("/api/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("displayName", "kind", "areaCode"));
    }

    @Test
    void shouldRejectUnknownNetworkNamingTheField() {
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "MYSPACE", "handle", "ine", "displayName", "INE", "kind", "INSTITUTIONAL", "areaCode", "CNCS"))
                .post("/api/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("network"));
    }

    @Test
    void shouldRejectDuplicateLiveAccountNamingTheExistingOne() {
        String areaCode = registerArea();
        String handle = unique("dup").toLowerCase();
        String id = registerAccount(areaCode, handle);
        long outboxBefore = outboxCount();

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(accountBody(areaCode, "@" + handle.toUpperCase()))
                .post("/api/accounts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(id));
        assertThat(outboxCount()).isEqualTo(outboxBefore);
    }

    @Test
    void shouldRejectUnknownArea() {
        long before = accountCount();
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(accountBody("NO-EXISTE", unique("sinarea")))
                .post("/api/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("areaCode"));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldRefuseFieldsTheServerOwnsAndStoreNothing() {
        String areaCode = registerArea();
        long before = accountCount();
        for (String owned : List.of("status", "id", "registeredOn", "dormant", "possibleHijack")) {
            Map<String, Object> body = new HashMap<>(accountBody(areaCode, unique("campos")));
            body.put(owned, owned.equals("id") ? "00000000-0000-0000-0000-000000000001"
                    : owned.equals("registeredOn") ? "2001-01-01" : owned.equals("status") ? "DECOMMISSIONED" : true);
            given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body)
                    .post("/api/accounts")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(owned));
        }
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldRejectHeadEmailOutsideTheInstitute() {
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("code", unique("JLE-"), "name", "Junta Local", "level", "LOCAL", "state", 7,
                        "headEmail", "titular@gmail.com"))
                .post("/api/areas")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("headEmail"));
    }

    @Test
    void shouldAnswerUnknownAccountWithProblem() {
        given().auth().oauth2(cncsToken()).get("/api/accounts/6f1c2f2e-8d4b-4d7e-9a53-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Recurso no encontrado"));
    }

    @Test
    void shouldAnswerUnknownRouteWithProblem() {
        given().auth().oauth2(cncsToken()).get("/api/no-existe")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldRejectBodyThatIsNotJsonAndStoreNothing() {
        long before = accountCount();
        given().auth().oauth2(cncsToken()).contentType(ContentType.TEXT).body("network=X&handle=ine")
                .post("/api/accounts")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("title", equalTo("Tipo de contenido no admitido"));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldRejectOversizeBodyWithProblemAndStoreNothing() {
        long before = accountCount();
        String huge = "x".repeat(3 * 1024 * 1024);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body("{\"network\":\"X\",\"handle\":\"ine\",\"displayName\":\"" + huge + "\"}")
                .post("/api/accounts")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Solicitud demasiado grande"));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void shouldSpeakEnglishWhenAsked() {
        given().header("Accept-Language", "en").get("/api/accounts")
                .then().statusCode(401)
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void shouldBeReadyAgainstRealDatabaseAndBroker() {
        // No Kafka connection check: a broker outage must not take the service out of readiness
        // (BrokerOutageTest); the outbox check reports the backlog instead.
        given().get(ManagementInterface.url("/q/health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "outbox"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200)
                .body(containsString("outbox_published"))
                .body(containsString("outbox_oldest_unpublished_age_seconds"));
    }

    static long accountCount() {
        return QuarkusTransaction.requiringNew().call(() -> Account.count());
    }

    static java.time.Instant publishedAt(java.util.UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createQuery("select o.publishedAt from OutboxMessage o where o.eventId = :id", java.time.Instant.class)
                .setParameter("id", eventId).getSingleResult());
    }

    static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() ->
                (Long) Account.getEntityManager().createQuery("select count(o) from OutboxMessage o").getSingleResult());
    }
}
