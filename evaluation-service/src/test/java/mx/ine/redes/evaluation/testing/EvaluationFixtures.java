package mx.ine.redes.evaluation.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.TestTokens;

/**
 * What the tests of ratings, recommendations and proposed bajas share: a semester cycle written
 * directly (its period is all scoring needs), accounts registered through the registry's events,
 * submissions through submissions-service's events, and the evaluation topic read back.
 */
public final class EvaluationFixtures {

    public static final String CNCS_EMAIL = "medios.alternativos@ine.mx";

    private EvaluationFixtures() {
    }

    /** A semester cycle: S1 is 1 January – 30 June, S2 1 July – 31 December of the cycle's year. */
    public static void cycle(String id) {
        int year = Integer.parseInt(id.substring(0, 4));
        boolean first = id.endsWith("S1");
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewCycle row = new ReviewCycle();
            row.id = id;
            row.periodStart = first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 7, 1);
            row.periodEnd = first ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            row.windowMonth = first ? year + "-07" : (year + 1) + "-01";
            row.openedAt = Instant.now();
            row.openedBy = CNCS_EMAIL;
            row.requestCount = 1;
            row.persist();
        });
    }

    /** An active X account of a district area; {@code lastPublicationOn} decides dormancy. */
    public static UUID register(String area, List<String> admins, String head, LocalDate lastPublicationOn) {
        UUID id = UUID.randomUUID();
        AccountSnapshot snapshot = new AccountSnapshot(id, "X", handle(id), "https://x.com/" + handle(id), "Cuenta de prueba",
                "INSTITUTIONAL", "ACTIVE", area, "Junta de prueba", "DISTRICT", 7, 3, head == null ? null : "Titular", head,
                admins, LocalDate.of(2026, 1, 5), lastPublicationOn, List.of());
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + id).then().statusCode(200));
        return id;
    }

    public static String handle(UUID account) {
        return "h" + account.toString().substring(0, 8);
    }

    /** The account's submission for the cycle, received now; returns the evaluation case it opens. */
    public static UUID submit(UUID account, String cycle, Instant receivedAt, Map<String, Long> figures) {
        KafkaTestClient.publish(new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), account, cycle, "CYCLE", "X", 1,
                receivedAt, null, false, figures, null, List.of(), LocalDate.of(2027, 2, 26), List.of(), null, 0, List.of(),
                new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null)));
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<String> ids = given().auth().oauth2(cncs()).get("/api/evaluations?account=" + account + "&cycle=" + cycle)
                    .then().statusCode(200).extract().path("items.id");
            return ids.size() == 1 ? UUID.fromString(ids.get(0)) : null;
        }, java.util.Objects::nonNull);
    }

    /**
     * Rated PERTINENT alone in its peer group, with the default formula 2026.1 over an S1 period
     * (181 days = 25.857 weeks): 130 posts = 5.03 a week → frequency 100 (tope); own 130/130 → 100 and
     * multimedia 65/130 = 0.5 of 0.5 → 100, original content 100; performance 50 (sin pares);
     * followers 1,000 → 1,100 = +10 % → 100. Overall (50 + 100 + 100 + 100)/4 = 87.5 → 88.
     */
    public static Map<String, Long> pertinentFigures() {
        return Map.of("posts", 130L, "ownPosts", 130L, "multimediaPosts", 65L, "impressions", 10_000L, "mentions", 400L,
                "followersAtStart", 1_000L, "followersAtEnd", 1_100L);
    }

    /**
     * Rated NOT_PERTINENT alone in its peer group over an S1 period: 26 posts = 1.0055 a week →
     * 20.11 → 20; own 0 → 0, multimedia 0 → 0, original content 0; performance 50 (sin pares);
     * followers 1,000 → 1,000 → 0. Overall (50 + 20 + 0 + 0)/4 = 17.5 → 18.
     */
    public static Map<String, Long> notPertinentFigures() {
        return Map.of("posts", 26L, "ownPosts", 0L, "multimediaPosts", 0L, "impressions", 1_000L, "mentions", 10L,
                "followersAtStart", 1_000L, "followersAtEnd", 1_000L);
    }

    /** The events of one type the service published for the account, waiting until {@code count} are there. */
    public static <T extends DomainEvent> List<T> awaitEvents(UUID account, Class<T> type, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> events(account, type).size() >= count);
        return events(account, type);
    }

    public static <T extends DomainEvent> List<T> events(UUID account, Class<T> type) {
        return KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString()).stream().map(EventEnvelope::payload)
                .filter(type::isInstance).map(type::cast).toList();
    }

    public static Map<String, Object> evaluation(UUID id) {
        return given().auth().oauth2(cncs()).get("/api/evaluations/" + id).then().statusCode(200).extract().path("$");
    }

    public static String cncs() {
        return person(CNCS_EMAIL, Roles.CNCS);
    }

    public static String person(String email, String role) {
        assertThat(email).isNotBlank();
        return TestTokens.forPerson(email, Set.of(role), Map.of());
    }

    public static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    public static String area() {
        return "JDE-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
