package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.PoisonRecordContract;
import mx.ine.redes.support.testing.RealInfrastructure;

/** A poison record on the submissions events' consumer, which keeps each account's last publication date. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PoisonRecordTest extends PoisonRecordContract {

    private static final LocalDate REPORTED_PUBLICATION = LocalDate.now(AccountService.INSTITUTE_ZONE).minusDays(5);

    @Override
    protected String consumer() {
        return "accounts-service.submissions";
    }

    @Override
    protected String topic() {
        return Topics.SUBMISSIONS;
    }

    @Override
    protected DomainEvent event() {
        String account = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", uniqueXHandle(), "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", registerArea(), "lastPublicationOn", REPORTED_PUBLICATION.minusDays(300).toString()))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
        return new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(account), "2026-S2", "CYCLE", "X", 1,
                Instant.now(), null, false, Map.of("posts", 10L), null, List.of(), REPORTED_PUBLICATION, List.of(), null, 0,
                List.of(), new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null));
    }

    @Override
    protected void assertApplied(DomainEvent event) {
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + ((SubmissionReceived) event).accountId())
                .then().statusCode(200).body("lastPublicationOn", equalTo(REPORTED_PUBLICATION.toString()));
    }
}
