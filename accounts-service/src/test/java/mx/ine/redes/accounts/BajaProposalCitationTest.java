package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The evaluation proposes bajas (BajaProposed on its topic); the registry keeps them, and the baja
 * act that decides one cites it — in the act, the account's history, the account and its event.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BajaProposalCitationTest {

    @Test
    void shouldCiteTheEvaluationsProposalInTheBajaAct() {
        String area = registerArea();
        String id = registerAccount(area, uniqueXHandle());
        UUID proposalId = UUID.randomUUID();
        BajaProposed proposed = new BajaProposed(proposalId, UUID.fromString(id), "2026-S1", UUID.randomUUID(), area, "X",
                "cuenta", "NOT_PERTINENT", 38, Instant.parse("2026-11-20T17:00:00Z"));
        // An event type this version does not know comes first on the account's partition: skipped, not a blockage.
        KafkaTestClient.send(Topics.EVALUATION, id, """
                {"eventId":"%s","type":"CommitteeMetTwice","occurredAt":"2026-11-20T17:00:00Z","aggregateId":"%s",
                 "schemaVersion":1,"payload":{}}""".formatted(UUID.randomUUID(), id));
        EventEnvelope envelope = KafkaTestClient.publish(proposed);
        KafkaTestClient.send(Topics.EVALUATION, id, EventJson.write(envelope)); // redelivered
        awaitProposal(proposalId);

        String citation = "Baja propuesta en la evaluación del ciclo 2026-S1 (propuesta " + proposalId
                + ", motivo: calificación no pertinente, puntaje 38)";
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(id), "reason", "No pertinente",
                        "bajaProposalId", proposalId.toString()))
                .post("/api/accounts/" + id + "/decommission")
                .then().statusCode(200)
                .body("status", equalTo("DECOMMISSIONED"))
                .body("decommissionBajaProposalId", equalTo(proposalId.toString()));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id)
                .then().statusCode(200).body("decommissionBajaProposalId", equalTo(proposalId.toString()));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history")
                .then().statusCode(200)
                .body("acts[0].kind", equalTo("DECOMMISSION"))
                .body("acts[0].reason", equalTo("No pertinente"))
                .body("acts[0].bajaProposalId", equalTo(proposalId.toString()))
                .body("acts[0].citation", equalTo(citation))
                .body("changes[1].change", equalTo("DECOMMISSIONED"))
                .body("changes[1].after.bajaProposalId", equalTo(proposalId.toString()))
                .body("changes[1].after.bajaProposal", equalTo(citation));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<AccountDecommissioned> bajas = KafkaTestClient.eventsFor(Topics.ACCOUNTS, id).stream()
                    .filter(event -> event.payload() instanceof AccountDecommissioned)
                    .map(event -> (AccountDecommissioned) event.payload()).toList();
            assertThat(bajas).singleElement().satisfies(baja -> {
                assertThat(baja.bajaProposalId()).isEqualTo(proposalId);
                assertThat(baja.reason()).isEqualTo("No pertinente");
            });
        });
        assertThat(RegistryFixtures.count("select count(p) from BajaProposal p where p.id = ?1", proposalId)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAProposalNotReceivedOrOfAnotherAccountAndChangeNothing() {
        String area = registerArea();
        String id = registerAccount(area, uniqueXHandle());
        String other = registerAccount(area, uniqueXHandle());
        UUID othersProposal = UUID.randomUUID();
        KafkaTestClient.publish(new BajaProposed(othersProposal, UUID.fromString(other), "2026-S1", UUID.randomUUID(), area,
                "X", "otra", "DORMANT", null, Instant.parse("2026-11-20T17:00:00Z")));
        awaitProposal(othersProposal);

        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(id), "reason", "Inactiva",
                        "bajaProposalId", unknown.toString()))
                .post("/api/accounts/" + id + "/decommission")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("No se conoce la propuesta de baja " + unknown + "."))
                .body("errors[0].field", equalTo("bajaProposalId"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(id), "reason", "Inactiva",
                        "bajaProposalId", othersProposal.toString()))
                .post("/api/accounts/" + id + "/decommission")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("bajaProposalId"))
                .body("errors[0].message", equalTo("La propuesta es de la cuenta " + other + ", no de esta."));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("status", equalTo("ACTIVE"));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then().body("acts", empty());

        // The other account's own baja cites it, in the words of its grounds.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(other), "reason", "Inactiva",
                        "bajaProposalId", othersProposal.toString()))
                .post("/api/accounts/" + other + "/decommission")
                .then().statusCode(200);
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + other + "/history")
                .then().body("acts[0].citation", equalTo("Baja propuesta en la evaluación del ciclo 2026-S1 (propuesta "
                        + othersProposal + ", motivo: cuenta inactiva por más de un año)"));
    }

    private static void awaitProposal(UUID proposalId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                RegistryFixtures.count("select count(p) from BajaProposal p where p.id = ?1", proposalId) == 1);
    }
}
