package mx.ine.redes.reporting.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import mx.ine.redes.reporting.service.OperationsOverview.Area;
import mx.ine.redes.reporting.service.OperationsOverview.Snapshot;
import org.jboss.logging.Logger;

/**
 * The dashboard's figures as Prometheus gauges, per area and level ({@code area}, {@code level} tags), for
 * other dashboards (Grafana) and alerts. Computed by {@link OperationsOverview}, the page's own query layer,
 * on a schedule ({@code dashboard.gauges-refresh}): a scrape reads the figures kept, it never queries. Every
 * area that has any figure gets a series in every gauge (0 where it has none), so that a series drops to 0
 * instead of vanishing when its last item closes.
 */
@ApplicationScoped
public class BusinessGauges {

    /** The gauges, as Micrometer names them; Prometheus writes the dots as underscores ({@code ine_observations_open}). */
    public static final String OBSERVATIONS_OPEN = "ine.observations.open";
    public static final String OBSERVATIONS_OVERDUE = "ine.observations.overdue";
    public static final String REQUESTS_OVERDUE = "ine.requests.overdue";
    public static final String ESCALATIONS_AREA_HEAD = "ine.escalations.area.head";
    public static final String ESCALATIONS_COMMITTEE = "ine.escalations.committee";
    public static final String EVALUATIONS_BACKLOG = "ine.evaluations.backlog";
    public static final String EVALUATIONS_PAST_TERM = "ine.evaluations.past.term";

    private static final Logger LOG = Logger.getLogger(BusinessGauges.class);

    @Inject
    MeterRegistry registry;

    @Inject
    OperationsOverview overview;

    private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();

    /** One gauge: its name, what it counts, and how to read an area's figure from the snapshot. */
    private record Figure(String name, String description, Function<Snapshot, Map<Area, Long>> perArea) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure(OBSERVATIONS_OPEN, "Observations issued and not resolved (awaiting the correction or CNCS's review), every cycle",
                    snapshot -> perArea(snapshot.observationsByArea(), OperationsOverview.AreaObservations::area,
                            OperationsOverview.AreaObservations::open)),
            new Figure(OBSERVATIONS_OVERDUE, "Open observations past their due time with no correction yet",
                    snapshot -> perArea(snapshot.observationsByArea(), OperationsOverview.AreaObservations::area,
                            OperationsOverview.AreaObservations::overdue)),
            new Figure(REQUESTS_OVERDUE, "Requests of the current cycle declared overdue and still without a submission",
                    snapshot -> perArea(snapshot.progress(), OperationsOverview.AreaProgress::area,
                            OperationsOverview.AreaProgress::overdue)),
            new Figure(ESCALATIONS_AREA_HEAD, "Art. 15 chains of the current cycle escalated to the area's head, not reported to the Committee",
                    snapshot -> perArea(snapshot.escalations(), OperationsOverview.AreaEscalations::area,
                            OperationsOverview.AreaEscalations::withAreaHead)),
            new Figure(ESCALATIONS_COMMITTEE, "Art. 15 chains of the current cycle reported to the Committee, without its resolution",
                    snapshot -> perArea(snapshot.escalations(), OperationsOverview.AreaEscalations::area,
                            OperationsOverview.AreaEscalations::beforeCommittee)),
            new Figure(EVALUATIONS_BACKLOG, "Evaluations opened and not completed (CNCS's 10-business-day term), every cycle",
                    snapshot -> perArea(snapshot.backlog(), OperationsOverview.AreaBacklog::area, OperationsOverview.AreaBacklog::open)),
            new Figure(EVALUATIONS_PAST_TERM, "Open evaluations past the close of CNCS's term",
                    snapshot -> perArea(snapshot.backlog(), OperationsOverview.AreaBacklog::area,
                            OperationsOverview.AreaBacklog::pastTerm)));

    @PostConstruct
    void register() {
        for (Figure figure : FIGURES) {
            gauges.put(figure.name(), MultiGauge.builder(figure.name()).description(figure.description()).register(registry));
        }
    }

    /** Recomputes every gauge from a fresh snapshot; on a failure (the database away) the gauges keep their last figures. */
    @Scheduled(every = "${dashboard.gauges-refresh:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Snapshot snapshot;
        try {
            snapshot = overview.snapshot();
        } catch (RuntimeException e) {
            LOG.warnf("Business gauges not refreshed: %s", e.toString());
            return;
        }
        List<Map<Area, Long>> figures = FIGURES.stream().map(figure -> figure.perArea().apply(snapshot)).toList();
        List<Area> areas = figures.stream().flatMap(perArea -> perArea.keySet().stream()).distinct().toList();
        for (int i = 0; i < FIGURES.size(); i++) {
            Map<Area, Long> perArea = figures.get(i);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Area area : areas) {
                rows.add(MultiGauge.Row.of(Tags.of("area", area.code(), "level", area.level() == null
                        ? OperationsOverview.UNKNOWN_LEVEL : area.level()), perArea.getOrDefault(area, 0L)));
            }
            gauges.get(FIGURES.get(i).name()).register(rows, true);
        }
    }

    private static <T> Map<Area, Long> perArea(List<T> rows, Function<T, Area> area, ToLongFunction<T> figure) {
        Map<Area, Long> values = new LinkedHashMap<>();
        rows.forEach(row -> values.merge(area.apply(row), figure.applyAsLong(row), Long::sum));
        return values;
    }
}
