package mx.ine.redes.reporting.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.events.CommitteeResolutionRecorded;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.ObservationResolved;
import mx.ine.redes.events.RecommendationAttended;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.ReviewCycleOpened;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.events.TrainingRecorded;
import mx.ine.redes.reporting.service.ReadModelGate;
import mx.ine.redes.reporting.service.ReadModelRebuild;
import mx.ine.redes.reporting.service.RebuildProgress;
import mx.ine.redes.reporting.service.SemiannualReports;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.render.ReportFormat;
import mx.ine.redes.reporting.report.render.ReportRendering;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.BenchmarkFigures;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 "Performance": a world of {@value #DEFAULT_ACCOUNTS} accounts (three levels, five networks, 333 areas)
 * over {@value #DEFAULT_CYCLES} cycles, published through Kafka as the producing services would (envelopes
 * written by event-contract's EventJson, in bulk), then a rebuild of the read model from the topics (prints
 * the replay's events per second), then the latest cycle's semi-annual report as JSON and as PDF over HTTP,
 * warm, a few runs each (prints min and median). The live consumers are held while the topics are loaded
 * and the rebuild runs on this thread, so the replay alone builds the read model and nothing competes
 * with the timings. Asserts only that the report covers the world; the targets are read off the output.
 *
 * <p>{@code mvn -B verify -Pbenchmark -pl reporting-service -am -Dtest=ReportBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (smaller: {@code -Dbenchmark.accounts=1000 -Dbenchmark.cycles=5})
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReportBenchmarkTest {

    static final int DEFAULT_ACCOUNTS = 10_000;
    static final int DEFAULT_CYCLES = 20;
    static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", DEFAULT_ACCOUNTS);
    static final int CYCLES = Integer.getInteger("benchmark.cycles", DEFAULT_CYCLES);
    static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    static final int FIRST_YEAR = 2040;
    static final String SECTION = "Reports (reporting-service)";
    static final List<String> NETWORKS = List.of("X", "FACEBOOK", "INSTAGRAM", "YOUTUBE", "TIKTOK");
    static final List<String> HASHTAGS = List.of("#VotoInformado", "#INEteInforma", "#Consulta", "#CredencialINE",
            "#ProcesoElectoral", "#DebateINE", "#Participa", "#INEMexico", "#Democracia", "#Elecciones");
    static final List<String> RATINGS = List.of("PERTINENT", "PERTINENT_WITH_RECOMMENDATIONS", "NOT_PERTINENT");
    static final List<String> CATEGORIES = List.of("MORE_MULTIMEDIA", "PUBLISH_MORE_OFTEN", "IMPROVE_ENGAGEMENT");

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    ReadModelGate gate;

    @Inject
    SemiannualReports reports;

    @Inject
    ObjectMapper json;

    @Inject
    ReportRendering rendering;

    /** An area: code, name, level, its head and the areas above it (parent first). */
    record Area(String code, String name, String level, String head, List<AreaLink> ancestors) {
        AreaLink link() {
            return new AreaLink(code, name, level, "Titular de " + code, head);
        }
    }

    record Account(UUID id, String network, String handle, Area area, LocalDate registeredOn) {
    }

    /** Publishes envelopes as the producers' outboxes would (key = aggregate, its next sequence), in bulk. */
    static final class BulkPublisher implements AutoCloseable {
        final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        final Map<String, Long> sequences = new HashMap<>();
        final Map<String, Long> perTopic = new HashMap<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        long published;

        void publish(DomainEvent event, Instant occurredAt) {
            long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum);
            EventEnvelope envelope = EventEnvelope.wrap(event, occurredAt, "benchmark", sequence);
            String topic = event.type().topic();
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), EventJson.write(envelope)), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            perTopic.merge(topic, 1L, Long::sum);
            published++;
        }

        @Override
        public void close() {
            producer.flush();
            producer.close();
            if (failure.get() != null) {
                throw new IllegalStateException("A record was not published", failure.get());
            }
        }
    }

    @Test
    void shouldReplayTheWorldAndProduceTheLatestReportInTime() throws Exception {
        List<Area> areas = areas();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Area area = areas.get(i % areas.size());
            // One in 97 registered during the latest cycle, the others before the first.
            LocalDate registeredOn = i % 97 == 0 ? periodStart(CYCLES - 1).plusDays(i % 150) : LocalDate.of(FIRST_YEAR - 2, 1, 1).plusDays(i % 700);
            accounts.add(new Account(UUID.randomUUID(), NETWORKS.get(i % NETWORKS.size()), "bench_" + i, area, registeredOn));
        }
        String latest = cycleId(CYCLES - 1);
        RebuildProgress progress;
        long published;
        Map<String, Long> perTopic;
        try (ReadModelGate.Hold held = gate.hold()) {
            long publishStart = System.nanoTime();
            try (BulkPublisher publisher = new BulkPublisher()) {
                world(publisher, areas, accounts);
                published = publisher.published;
                perTopic = publisher.perTopic;
            }
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
            System.out.printf("%nBENCHMARK world: %d accounts, %d areas, %d networks, %d cycles: %d events published in %.1f s"
                            + " (%.0f/s) %s%n", ACCOUNTS, areas.size(), NETWORKS.size(), CYCLES, published, publishSeconds,
                    published / publishSeconds, perTopic);

            long rebuildStart = System.nanoTime();
            long id = rebuild.rebuildNow("benchmark@ine.mx");
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            progress = rebuild.progress(id).orElseThrow();
            assertThat(progress.state()).as(progress.error()).isEqualTo("SUCCEEDED");
            long applied = progress.topics().stream().mapToLong(RebuildProgress.TopicProgress::applied).sum();
            System.out.printf("BENCHMARK rebuild: %d records replayed in %.1f s: %.0f events/s overall (emptying, offsets,"
                    + " replay)%n", applied, rebuildSeconds, applied / rebuildSeconds);
            double replayRate = applied / rebuildSeconds;
            BenchmarkFigures.record(SECTION, String.format(java.util.Locale.ROOT,
                    "read-model replay (rebuild from the topics: %,d events of %,d accounts x %d cycles)", applied, ACCOUNTS, CYCLES),
                    replayRate, "events/s", "≥ 5,000 events/s", replayRate >= 5_000);
            progress.topics().forEach(topic -> System.out.printf("BENCHMARK rebuild   %-24s %8d records %8.0f events/s%n",
                    topic.topic(), topic.applied(), topic.eventsPerSecond()));

            String token = TestTokens.forRole(Roles.CNCS);
            int accountsInReport = given().auth().oauth2(token).get("/api/reports/semiannual/" + latest)
                    .then().statusCode(200).extract().path("inventory.total");
            assertThat(accountsInReport).isGreaterThanOrEqualTo(ACCOUNTS);
            for (String format : List.of("json", "pdf")) {
                List<Long> millis = new ArrayList<>();
                int bytes = 0;
                // A plain HTTP client: RestAssured's own handling of a body of megabytes would be measured too.
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + io.restassured.RestAssured.port
                        + "/api/reports/semiannual/" + latest + "?format=" + format)).header("Authorization", "Bearer " + token).build();
                for (int run = 0; run < RUNS + 2; run++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    assertThat(response.statusCode()).isEqualTo(200);
                    byte[] body = response.body();
                    if (run >= 2) {
                        millis.add(elapsed);
                    }
                    bytes = body.length;
                }
                millis.sort(Long::compare);
                System.out.printf("BENCHMARK report %s (%s, %d bytes): min %d ms, median %d ms over %d warm runs %s%n", format,
                        latest, bytes, millis.getFirst(), millis.get(millis.size() / 2), millis.size(), millis);
                long median = millis.get(millis.size() / 2);
                long ceiling = format.equals("json") ? 1_000 : 5_000;
                BenchmarkFigures.record(SECTION, String.format(java.util.Locale.ROOT,
                        "semi-annual report %s as %s over HTTP (%,d accounts x %d cycles; %,d bytes; median of %d warm runs)", latest,
                        format.toUpperCase(java.util.Locale.ROOT), ACCOUNTS, CYCLES, bytes, millis.size()), median, "ms",
                        "< " + ceiling / 1000 + " s", median < ceiling);
            }
            // Where the JSON's time goes: building the record from the read model, and writing it.
            List<Long> building = new ArrayList<>();
            List<Long> writing = new ArrayList<>();
            List<Long> drawing = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                SemiannualReport report = reports.build(latest);
                long built = System.nanoTime();
                json.writeValueAsBytes(report);
                long written = System.nanoTime();
                rendering.render(report, ReportFormat.PDF);
                building.add((built - start) / 1_000_000);
                writing.add((written - built) / 1_000_000);
                drawing.add((System.nanoTime() - written) / 1_000_000);
            }
            building.sort(Long::compare);
            writing.sort(Long::compare);
            drawing.sort(Long::compare);
            System.out.printf("BENCHMARK report split (medians): building the record %d ms, writing its JSON %d ms, drawing its"
                    + " PDF %d ms%n", building.get(building.size() / 2), writing.get(writing.size() / 2), drawing.get(drawing.size() / 2));
        }
    }

    // --- the world -------------------------------------------------------------------------------------

    /** One central area, 32 local boards and 300 district boards under them: 333 areas. */
    static List<Area> areas() {
        List<Area> areas = new ArrayList<>();
        Area central = new Area("BCEN", "Coordinación Nacional de Comunicación Social", "CENTRAL", "bcen@ine.mx", List.of());
        areas.add(central);
        List<Area> locals = new ArrayList<>();
        for (int state = 1; state <= 32; state++) {
            Area local = new Area("BJL%02d".formatted(state), "Junta Local Ejecutiva %02d".formatted(state), "LOCAL",
                    "bjl%02d@ine.mx".formatted(state), List.of(central.link()));
            locals.add(local);
            areas.add(local);
        }
        for (int district = 0; district < 300; district++) {
            Area local = locals.get(district % locals.size());
            areas.add(new Area("BJD%03d".formatted(district + 1), "Junta Distrital Ejecutiva %03d".formatted(district + 1), "DISTRICT",
                    "bjd%03d@ine.mx".formatted(district + 1), List.of(local.link(), central.link())));
        }
        return areas;
    }

    static String cycleId(int cycle) {
        return (FIRST_YEAR + cycle / 2) + "-S" + (cycle % 2 + 1);
    }

    static LocalDate periodStart(int cycle) {
        return LocalDate.of(FIRST_YEAR + cycle / 2, cycle % 2 == 0 ? 1 : 7, 1);
    }

    static Instant at(LocalDate day, long seconds) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(seconds);
    }

    static void world(BulkPublisher publisher, List<Area> areas, List<Account> accounts) {
        Instant registeredAt = at(LocalDate.of(FIRST_YEAR - 1, 12, 1), 0);
        for (Account account : accounts) {
            Area area = account.area();
            publisher.publish(new AccountRegistered(new AccountSnapshot(account.id(), account.network(), account.handle(),
                    "https://redes.example/" + account.handle(), "Cuenta " + account.handle(), "INSTITUTIONAL", "ACTIVE", area.code(),
                    area.name(), area.level(), null, null, "Titular de " + area.code(), area.head(), List.of(account.handle() + "@ine.mx"),
                    account.registeredOn(), null, area.ancestors())), registeredAt);
        }
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            cycle(publisher, cycle, accounts);
        }
        // The latest cycle's bajas and dormant accounts: one in fifty proposed and decided, one in a hundred dormant.
        int last = CYCLES - 1;
        LocalDate lastStart = periodStart(last);
        String lastCycle = cycleId(last);
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            Instant when = at(lastStart.plusMonths(5), i);
            if (i % 100 == 7) {
                publisher.publish(new AccountFlaggedDormant(account.id(), account.area().code(), lastStart.minusMonths(8), 400 + i % 30,
                        i % 200 == 7), when);
            }
            if (i % 50 == 3) {
                UUID proposal = UUID.randomUUID();
                publisher.publish(new BajaProposed(proposal, account.id(), lastCycle, null, account.area().code(), account.network(),
                        account.handle(), "Sin publicaciones en más de un año", null, when), when);
                publisher.publish(new AccountDecommissioned(account.id(), account.network(), account.handle(), account.area().code(),
                        lastStart.plusMonths(5), "Baja por inactividad", "Sin publicaciones", proposal), when.plusSeconds(60));
            }
        }
    }

    static void cycle(BulkPublisher publisher, int cycle, List<Account> accounts) {
        String cycleId = cycleId(cycle);
        LocalDate start = periodStart(cycle);
        LocalDate end = start.plusMonths(6).minusDays(1);
        Instant opened = at(end.plusDays(1), 0);
        publisher.publish(new ReviewCycleOpened(cycleId, start, end, opened, opened.plus(Duration.ofDays(14)), accounts.size()), opened);
        publisher.publish(new TrainingRecorded(UUID.randomUUID(), start.plusMonths(2), "Lineamientos de redes sociales " + cycleId,
                new BigDecimal("2.5"), "Virtual", List.of("a@ine.mx", "b@ine.mx", "c@ine.mx")), opened);
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String area = account.area().code();
            Instant requested = opened.plusSeconds(i % 3600);
            UUID requestId = UUID.randomUUID();
            publisher.publish(new SubmissionRequested(requestId, account.id(), cycleId, "CYCLE", List.of("posts", "followers", "impressions"),
                    area, List.of(), requested, requested, requested.plus(Duration.ofDays(14))), requested);
            long growth = 1000L + cycle * 40L;
            Instant received = requested.plus(Duration.ofDays(3));
            Map<String, Long> figures = Map.of("posts", 50L + (i + cycle) % 150, "followers", growth * (1 + i % 40),
                    "impressions", 10_000L + (i * 37L + cycle * 11L) % 90_000, "mentions", (long) (i % 500),
                    "profileVisits", 100L + i % 2000);
            List<SubmissionReceived.CampaignPosts> campaigns = List.of(
                    new SubmissionReceived.CampaignPosts(HASHTAGS.get(i % HASHTAGS.size()), 1L + i % 12),
                    new SubmissionReceived.CampaignPosts(HASHTAGS.get((i + cycle) % HASHTAGS.size()), 1L + (i + cycle) % 7));
            BigDecimal female = BigDecimal.valueOf(40 + i % 20);
            publisher.publish(new SubmissionReceived(UUID.randomUUID(), requestId, account.id(), cycleId, "CYCLE", account.network(), 1,
                    received, received.plus(Duration.ofDays(9)), i % 23 == 0, figures,
                    new SubmissionReceived.Audience(Map.of("female", female, "male", BigDecimal.valueOf(100).subtract(female)),
                            Map.of("18-24", BigDecimal.valueOf(20 + i % 10), "25-34", BigDecimal.valueOf(30)), Map.of()),
                    campaigns, null, List.of(), null, 1, List.of(),
                    new SubmissionReceived.EnteredBy(account.handle() + "@ine.mx", false, "PORTAL", null)), received);
            int overall = 20 + (i * 7 + cycle * 3) % 80;
            String rating = overall >= 70 ? RATINGS.get(0) : overall >= 45 ? RATINGS.get(1) : RATINGS.get(2);
            List<IssuedRecommendation> recommendations = i % 5 == 0
                    ? List.of(new IssuedRecommendation(UUID.randomUUID(), CATEGORIES.get(i % CATEGORIES.size()), "Publicar más video"))
                    : List.of();
            UUID evaluationId = UUID.randomUUID();
            Instant evaluated = received.plus(Duration.ofDays(5));
            publisher.publish(new EvaluationCompleted(evaluationId, account.id(), cycleId, area,
                    Map.of("activity", overall, "reach", Math.max(0, overall - 5), "engagement", Math.min(100, overall + 3)), overall, rating,
                    "2026.1", evaluated, i % 31 == 0, rating, null, recommendations, "cncs@ine.mx"), evaluated);
            for (IssuedRecommendation recommendation : recommendations) {
                if (i % 10 == 0) {
                    publisher.publish(new RecommendationAttended(recommendation.recommendationId(), evaluationId, account.id(), cycleId, area,
                            recommendation.category(), i % 20 == 0 ? "ATTENDED" : "NOT_ATTENDED", "Respuesta del área", "cncs@ine.mx",
                            evaluated.plus(Duration.ofDays(20))), evaluated.plus(Duration.ofDays(20)));
                }
            }
            if (i % 20 == 1) {
                UUID observationId = UUID.randomUUID();
                Instant issued = evaluated.plus(Duration.ofDays(1));
                publisher.publish(new ObservationIssued(observationId, account.id(), cycleId, area, "Corregir las cifras de alcance",
                        issued, issued.plus(Duration.ofDays(7))), issued);
                if (i % 40 == 1) {
                    publisher.publish(new ObservationResolved(observationId, account.id(), cycleId, issued.plus(Duration.ofDays(3)),
                            i % 80 == 1, null, area, 2, "cncs@ine.mx"), issued.plus(Duration.ofDays(3)));
                } else if (i % 200 == 21) {
                    Instant escalated = issued.plus(Duration.ofDays(8));
                    publisher.publish(new EscalatedToAreaHead(observationId, "OBSERVATION", account.id(), cycleId, area,
                            account.area().head(), escalated, escalated.plus(Duration.ofDays(5))), escalated);
                    if (i % 400 == 21) {
                        Instant reported = escalated.plus(Duration.ofDays(6));
                        publisher.publish(new ReportedToCommittee(observationId, "OBSERVATION", account.id(), cycleId, area, reported),
                                reported);
                        publisher.publish(new CommitteeResolutionRecorded(UUID.randomUUID(), cycleId, "NON_COMPLIANCE_ITEM", observationId,
                                account.id(), area, "INSTRUCTED", "Se instruye atender la observación", end.plusMonths(2),
                                "comite@ine.mx", reported.plus(Duration.ofDays(10))), reported.plus(Duration.ofDays(10)));
                    }
                }
            }
        }
    }
}
