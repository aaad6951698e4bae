package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.TestTokens;

/** Accounts and requests as the registry and evaluation announce them, for intake tests. */
final class IntakeFixtures {

    static final String CNCS = TestTokens.forPerson("subdireccion.medios@ine.mx", Set.of(Roles.CNCS), Map.of());

    private IntakeFixtures() {
    }

    /** An account in a district board of Chiapas (JDE-CHIS-03, below JLE-CHIS) administered by {@code admin}. */
    static UUID account(String network, String handle, String admin) {
        return account(network, handle, admin, "JDE-CHIS-03", "titular.jde03@ine.mx");
    }

    static UUID account(String network, String handle, String admin, String areaCode, String headEmail) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(new AccountSnapshot(id, network, handle,
                "https://example.invalid/" + handle, "Cuenta " + handle, "INSTITUTIONAL", "ACTIVE", areaCode, "Junta " + areaCode,
                "DISTRICT", 7, 3, "Titular", headEmail, List.of(admin), LocalDate.of(2020, 1, 1), null,
                ancestors(areaCode))));
        return id;
    }

    /** A district board of Chiapas sits below JLE-CHIS; every other area in these tests sits right below CNCS. */
    private static List<AreaLink> ancestors(String areaCode) {
        AreaLink cncs = new AreaLink("CNCS", "Coordinación Nacional de Comunicación Social", "CENTRAL", "Coordinador",
                "coordinador.cncs@ine.mx");
        if (areaCode.startsWith("JDE-CHIS")) {
            return List.of(new AreaLink("JLE-CHIS", "Junta Local Ejecutiva en Chiapas", "LOCAL", "Titular JLE",
                    "titular.jlechis@ine.mx"), cncs);
        }
        return List.of(cncs);
    }

    /** A cycle request whose window opened an hour ago and is due in {@code dueIn}. */
    static UUID cycleRequest(UUID account, String cycle, Duration dueIn) {
        return request(account, cycle, "CYCLE", List.of(), Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(dueIn));
    }

    static UUID request(UUID account, String cycle, String kind, List<String> fields, Instant windowOpensAt, Instant dueAt) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.publish(new SubmissionRequested(id, account, cycle, kind, fields, "JDE-CHIS-03",
                List.of(), windowOpensAt, windowOpensAt, dueAt));
        awaitRequest(id);
        return id;
    }

    /** Until the request and its account have both arrived. */
    static void awaitRequest(UUID request) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(CNCS).get("/api/requests/" + request);
            return response.statusCode() == 200 && response.jsonPath().getString("network") != null;
        });
    }

    static String admin(String email) {
        return TestTokens.forPerson(email, Set.of(Roles.ACCOUNT_ADMIN), Map.of());
    }

    /** The X figures of the Institute's report for January–March 2023 (seed 000): 2,345 posts and its hashtags. */
    static Map<String, Object> xFigures() {
        return Map.of("posts", 2345, "ownPosts", 1900, "cncsPosts", 400, "impressions", 4_812_330, "profileVisits", 61_204,
                "mentions", 9_871, "followers", 2_450_112, "multimediaPosts", 327);
    }

    static List<Map<String, Object>> seedCampaigns() {
        return List.of(Map.of("hashtag", "#SummitDemocraciaElectoral", "posts", 174), Map.of("hashtag", "#ForoVotoElectrónico", "posts", 121),
                Map.of("hashtag", "#Elecciones2023MX", "posts", 120), Map.of("hashtag", "#TuINE", "posts", 98),
                Map.of("hashtag", "#VotoExtranjero", "posts", 77));
    }
}
