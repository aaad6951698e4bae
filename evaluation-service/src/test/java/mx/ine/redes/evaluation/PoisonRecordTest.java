package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.PoisonRecordContract;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;

/** A poison record on the registry's consumer, whose projection every request and notice is drawn from. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PoisonRecordTest extends PoisonRecordContract {

    @Override
    protected String consumer() {
        return "evaluation-registry";
    }

    @Override
    protected String topic() {
        return Topics.ACCOUNTS;
    }

    @Override
    protected DomainEvent event() {
        UUID id = UUID.randomUUID();
        String handle = "rescatada_" + id.toString().substring(0, 8);
        return new AccountRegistered(new AccountSnapshot(id, "X", handle, "https://x.com/" + handle, "Rescatada", "INSTITUTIONAL",
                "ACTIVE", "JDE-CHIS-03", "03 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", 7, 3, "Titular de la 03 JDE",
                "titular.jde03.chis@ine.mx", List.of("admin.redes.jde03@ine.mx"), LocalDate.of(2026, 1, 15), null, List.of()));
    }

    @Override
    protected void assertApplied(DomainEvent event) {
        AccountSnapshot account = ((AccountRegistered) event).account();
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + account.accountId())
                .then().statusCode(200).body("handle", equalTo(account.handle()));
    }
}
