package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.count;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.accounts.service.DormancyService;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** Bulk work in chunks of {@link SmallBatches#BULK_CHUNK}: every account reached once, across chunk boundaries. */
@QuarkusTest
@TestProfile(SmallBatches.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BulkChunksTest {

    private static final int ACCOUNTS = 7; // two full chunks of 3 and one of 1

    @Inject
    DormancyService dormancy;

    @Test
    void shouldAnnounceEveryAccountOfASubtreeOnceWhenTheChangeSpansSeveralChunks() {
        String district = registerArea();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(register(district, null));
        }

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("name", "Junta renombrada"))
                .patch("/api/areas/" + district).then().statusCode(200);

        for (String id : ids) {
            assertThat(count("select count(o) from OutboxMessage o where o.messageKey = ?1 and o.eventType = 'AccountUpdated'", id))
                    .as(id).isEqualTo(1);
            assertThat(count("select count(c) from AccountChange c where c.account.id = ?1 and c.change = 'AREA_UPDATED'",
                    java.util.UUID.fromString(id))).isEqualTo(1);
        }
    }

    @Test
    void shouldFlagEverySilentAccountOnceAcrossChunks() {
        String district = registerArea();
        LocalDate longAgo = LocalDate.now(AccountService.INSTITUTE_ZONE).minusDays(400);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(register(district, longAgo));
        }

        assertThat(dormancy.flagDormantAccounts()).isGreaterThanOrEqualTo(ACCOUNTS);
        assertThat(dormancy.flagDormantAccounts()).as("a rerun flags nothing twice").isZero();

        for (String id : ids) {
            given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("dormant", org.hamcrest.Matchers.equalTo(true));
            assertThat(count("select count(o) from OutboxMessage o where o.messageKey = ?1 and o.eventType = 'AccountFlaggedDormant'",
                    id)).isEqualTo(1);
        }
    }

    private static String register(String area, LocalDate lastPublication) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("network", "X", "handle", uniqueXHandle(),
                "displayName", "Cuenta", "kind", "INSTITUTIONAL", "areaCode", area));
        if (lastPublication != null) {
            body.put("lastPublicationOn", lastPublication.toString());
        }
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body)
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }
}
