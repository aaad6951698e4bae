package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.ine.redes.reporting.service.BusinessGauges;
import mx.ine.redes.support.testing.ManagementInterface;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The business gauges on {@code /q/metrics} (management interface) after the known world of {@link OperationsWorld}:
 * every figure per area and level written out from the rules; and every metric the Grafana dashboard in
 * {@code deploy/grafana/dashboards} queries is one this service exposes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessGaugesTest {

    static final Path GRAFANA_DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "operaciones.json");
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Inject
    Clock clock;

    @Inject
    BusinessGauges gauges;

    Map<String, Double> scraped;

    @BeforeAll
    void publishTheWorldAndScrape() {
        OperationsWorld.publish(clock.instant());
        // What the schedule does every dashboard.gauges-refresh (tests: only when asked).
        gauges.refresh();
        scraped = scrape();
    }

    @Test
    void shouldCountOpenAndOverdueObservationsPerAreaAndLevel() {
        // o1 (CEN, previous cycle: open work whatever its cycle); o2 past due and o3 (JL07); o4 answered (JD0701,
        // awaiting CNCS: open, not overdue although its due time passed); o5 resolved.
        assertThat(gauge("ine_observations_open", "CEN", "CENTRAL")).isEqualTo(1);
        assertThat(gauge("ine_observations_open", "JL07", "LOCAL")).isEqualTo(2);
        assertThat(gauge("ine_observations_open", "JD0701", "DISTRICT")).isEqualTo(1);
        assertThat(gauge("ine_observations_overdue", "CEN", "CENTRAL")).isEqualTo(0);
        assertThat(gauge("ine_observations_overdue", "JL07", "LOCAL")).isEqualTo(1);
        assertThat(gauge("ine_observations_overdue", "JD0701", "DISTRICT")).isEqualTo(0);
    }

    @Test
    void shouldCountOverdueRequestsOfTheCurrentCycle() {
        // l2 and d2 declared overdue and without a submission; d1 withdrawn.
        assertThat(gauge("ine_requests_overdue", "CEN", "CENTRAL")).isEqualTo(0);
        assertThat(gauge("ine_requests_overdue", "JL07", "LOCAL")).isEqualTo(1);
        assertThat(gauge("ine_requests_overdue", "JD0701", "DISTRICT")).isEqualTo(1);
    }

    @Test
    void shouldCountEscalationsByStage() {
        // l2's request with JL07's head; d2's request before the Committee; o2's resolved by the Committee (no longer
        // before it); CEN's withdrawn; the previous cycle's reported one is not the current cycle's.
        assertThat(gauge("ine_escalations_area_head", "JL07", "LOCAL")).isEqualTo(1);
        assertThat(gauge("ine_escalations_area_head", "JD0701", "DISTRICT")).isEqualTo(0);
        assertThat(gauge("ine_escalations_area_head", "CEN", "CENTRAL")).isEqualTo(0);
        assertThat(gauge("ine_escalations_committee", "JL07", "LOCAL")).isEqualTo(0);
        assertThat(gauge("ine_escalations_committee", "JD0701", "DISTRICT")).isEqualTo(1);
        assertThat(gauge("ine_escalations_committee", "CEN", "CENTRAL")).isEqualTo(0);
    }

    @Test
    void shouldCountTheEvaluationBacklogAgainstCncssTerm() {
        // v1 and v2 (term moved ahead) open in CEN; v3 past its term in JL07; v4 completed.
        assertThat(gauge("ine_evaluations_backlog", "CEN", "CENTRAL")).isEqualTo(2);
        assertThat(gauge("ine_evaluations_backlog", "JL07", "LOCAL")).isEqualTo(1);
        assertThat(gauge("ine_evaluations_backlog", "JD0701", "DISTRICT")).isEqualTo(0);
        assertThat(gauge("ine_evaluations_past_term", "CEN", "CENTRAL")).isEqualTo(0);
        assertThat(gauge("ine_evaluations_past_term", "JL07", "LOCAL")).isEqualTo(1);
    }

    @Test
    void shouldExposeEveryMetricTheGrafanaDashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(GRAFANA_DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        Matcher names = Pattern.compile("\\b(ine_[a-z_]+|dead_letters_parked)\\b").matcher(dashboard.toString());
        while (names.find()) {
            queried.add(names.group(1));
        }
        Set<String> exposed = new TreeSet<>();
        scraped.keySet().forEach(series -> exposed.add(series.substring(0, series.indexOf('{') < 0 ? series.length() : series.indexOf('{'))));

        assertThat(queried).contains("ine_observations_open", "ine_observations_overdue", "ine_requests_overdue",
                "ine_escalations_area_head", "ine_escalations_committee", "ine_evaluations_backlog", "ine_evaluations_past_term",
                "dead_letters_parked");
        assertThat(exposed).containsAll(queried);
        // The parked record of the world, as every service reports its own.
        assertThat(scraped.get("dead_letters_parked{consumer=reporting-evaluation,topic=ine.evaluation.events}")).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private double gauge(String name, String area, String level) {
        String series = name + "{area=" + area + ",level=" + level + "}";
        assertThat(scraped).as("series %s on /q/metrics", series).containsKey(series);
        return scraped.get(series);
    }

    /** Every sample of the exposition, keyed {@code name{label=value,...}} with the labels sorted. */
    private static Map<String, Double> scrape() {
        String text = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new java.util.TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            StringBuilder key = new StringBuilder(sample.group(1));
            if (!labels.isEmpty()) {
                key.append('{');
                labels.forEach((k, v) -> key.append(k).append('=').append(v).append(','));
                key.setCharAt(key.length() - 1, '}');
            }
            samples.put(key.toString(), Double.parseDouble(sample.group(4)));
        }
        return samples;
    }
}
