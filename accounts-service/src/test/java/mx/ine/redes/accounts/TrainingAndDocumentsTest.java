package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.count;
import static mx.ine.redes.accounts.RegistryFixtures.registerPerson;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueStaffEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mx.ine.redes.events.TrainingRecorded;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TrainingAndDocumentsTest {

    @Test
    void shouldRecordATrainingWithItsAttendeesAndAnnounceIt() {
        String first = uniqueStaffEmail("asistente");
        String second = uniqueStaffEmail("asistente");
        registerPerson(first);
        registerPerson(second);

        String id = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("heldOn", "2026-10-15", "topic", "Lineamientos y estadísticas semestrales", "hours", 2.5,
                        "modality", "EN_LINEA", "attendeeEmails", List.of(first, second.toUpperCase())))
                .post("/api/trainings")
                .then().statusCode(201).body("attendeeEmails.size()", equalTo(2)).extract().path("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, id))
                .singleElement().satisfies(event -> {
                    TrainingRecorded training = (TrainingRecorded) event.payload();
                    assertThat(training.attendeeEmails()).containsExactlyInAnyOrder(first, second);
                    assertThat(training.modality()).isEqualTo("EN_LINEA");
                }));
        given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).get("/api/trainings?size=500").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void shouldRefuseATrainingWithAnUnknownAttendeeStoringNothing() {
        long before = count("select count(t) from Training t");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("heldOn", "2026-10-15", "topic", "Taller", "hours", 1, "modality", "PRESENCIAL",
                        "attendeeEmails", List.of(uniqueStaffEmail("desconocido"))))
                .post("/api/trainings")
                .then().statusCode(400).body("errors[0].field", equalTo("attendeeEmails[0]"));
        assertThat(count("select count(t) from Training t")).isEqualTo(before);
    }

    @Test
    void shouldPublishGuidesForAdministrators() {
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("title", "Guía de llenado del formato de estadísticas", "link", "https://intranet.ine.mx/redes/guia.pdf",
                        "publishedOn", "2026-07-01"))
                .post("/api/documents").then().statusCode(201);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("title", "Enlace inseguro", "link", "http://example.com/x", "publishedOn", "2026-07-01"))
                .post("/api/documents").then().statusCode(400).body("errors[0].field", equalTo("link"));
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).get("/api/documents?size=500").then().statusCode(200)
                .body("items.title", hasItem("Guía de llenado del formato de estadísticas"));
    }
}
