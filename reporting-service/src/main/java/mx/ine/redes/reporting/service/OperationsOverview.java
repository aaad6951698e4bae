package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.reporting.config.DashboardConfig;
import mx.ine.redes.support.consumer.DeadLetterStore;
import org.hibernate.query.NativeQuery;

/**
 * What CNCS operates on now, read from the report's read model: the current cycle's progress per area,
 * the observations still open with their time left, the Art. 15 chains and the Committee's items, the
 * evaluations against CNCS's own 10-business-day term, and this service's parked dead letters. The one
 * query layer of the dashboard page and of the business gauges ({@link BusinessGauges}), so that both
 * always say the same.
 *
 * <p>Scopes: progress, escalations and Committee items are the current cycle's (the one opened last);
 * open observations and open evaluations are every cycle's, because whatever is still open is still work.
 * Time left is measured on the injected clock (the local stack's simulation moves it).
 */
@ApplicationScoped
public class OperationsOverview {

    /** The level tag of an area the inventory does not know (its accounts' registration has not arrived). */
    public static final String UNKNOWN_LEVEL = "UNKNOWN";

    /** A chain counts unless its latest step is its withdrawal (as in the semi-annual report). */
    private static final String STANDING_CHAIN =
            "(e.withdrawn_at is null or e.withdrawn_sequence < greatest(e.escalated_sequence, e.reported_sequence))";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    DashboardConfig config;

    @Inject
    DeadLetterStore deadLetters;

    /** An area as the inventory names it. */
    public record Area(String code, String name, String level) {
    }

    /** The cycle opened last: the one the page follows. */
    public record Cycle(String id, LocalDate periodStart, LocalDate periodEnd, Instant openedAt) {
    }

    /**
     * One area's requests of the current cycle, withdrawn ones left out: {@code submitted} counts those with a
     * submission (on time or {@code late}); {@code missing} those without one, of which {@code overdue} were
     * declared overdue (evaluation-service's {@code SubmissionOverdue}).
     */
    public record AreaProgress(Area area, long requested, long submitted, long late, long missing, long overdue) {
    }

    /**
     * One area's observations issued and not resolved: {@code awaitingCorrection} still wait for the
     * administrator, of which {@code overdue} are past their due time; {@code awaitingCncs} were answered by a
     * correction that CNCS has not reviewed yet.
     */
    public record AreaObservations(Area area, long open, long awaitingCorrection, long overdue, long awaitingCncs) {
    }

    /** An observation still open: {@code timeLeft} negative when past due; {@code answeredAt} set when awaiting CNCS. */
    public record OpenObservation(UUID observationId, String network, String handle, Area area, String cycleId,
                                  Instant issuedAt, Instant dueAt, Instant answeredAt, Duration timeLeft) {

        public boolean awaitingCncs() {
            return answeredAt != null;
        }

        public boolean overdue() {
            return answeredAt == null && timeLeft != null && timeLeft.isNegative();
        }
    }

    /**
     * One area's standing Art. 15 chains of the current cycle (withdrawn ones left out), each in its latest
     * stage: escalated to the area's head; reported to the Committee without a resolution yet; reported and
     * resolved by the Committee.
     */
    public record AreaEscalations(Area area, long withAreaHead, long beforeCommittee, long resolvedByCommittee) {
    }

    /** One area's evaluations opened and not completed, against CNCS's term: closing within the due-soon window, or past it. */
    public record AreaBacklog(Area area, long open, long dueSoon, long pastTerm) {
    }

    /** An evaluation near or past the close of its term. */
    public record OpenEvaluation(UUID evaluationId, String network, String handle, Area area, String cycleId,
                                 Instant firstReceivedAt, Instant dueAt, Duration timeLeft) {

        public boolean pastTerm() {
            return timeLeft.isNegative();
        }
    }

    /** This service's records parked by one consumer of one topic, not yet replayed. */
    public record ParkedDeadLetters(String topic, String consumer, long parked) {
    }

    /** A list cut at the configured length: {@code notShown} more rows exist. */
    public record Listing<T>(List<T> rows, long notShown) {
    }

    /** Everything the page shows and the gauges publish, computed at {@code computedAt}. */
    public record Snapshot(Instant computedAt, Instant dataUpTo, Cycle cycle, Duration dueSoon,
                           List<AreaProgress> progress, AreaProgress progressTotal,
                           List<AreaObservations> observationsByArea, AreaObservations observationsTotal,
                           Listing<OpenObservation> openObservations,
                           List<AreaEscalations> escalations, AreaEscalations escalationsTotal,
                           List<AreaBacklog> backlog, AreaBacklog backlogTotal,
                           Listing<OpenEvaluation> evaluationsAtRisk,
                           List<ParkedDeadLetters> deadLetters, long deadLettersTotal) {
    }

    @Transactional
    public Snapshot snapshot() {
        Instant now = clock.instant();
        Map<String, Area> areas = areas();
        Cycle cycle = currentCycle();
        List<AreaProgress> progress = cycle == null ? List.of() : progress(cycle.id(), areas);
        List<AreaObservations> observations = observationsByArea(now, areas);
        List<AreaEscalations> escalations = cycle == null ? List.of() : escalations(cycle.id(), areas);
        List<AreaBacklog> backlog = backlog(now, areas);
        List<ParkedDeadLetters> parked = deadLetters.parkedCounts().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> new ParkedDeadLetters(entry.getKey().topic(), entry.getKey().consumer(), entry.getValue()))
                .sorted(Comparator.comparing(ParkedDeadLetters::topic).thenComparing(ParkedDeadLetters::consumer))
                .toList();
        Area all = new Area("", "Total", "");
        return new Snapshot(now, dataUpTo(), cycle, config.dueSoon(),
                progress, new AreaProgress(all, sum(progress, AreaProgress::requested), sum(progress, AreaProgress::submitted),
                        sum(progress, AreaProgress::late), sum(progress, AreaProgress::missing), sum(progress, AreaProgress::overdue)),
                observations, new AreaObservations(all, sum(observations, AreaObservations::open),
                        sum(observations, AreaObservations::awaitingCorrection), sum(observations, AreaObservations::overdue),
                        sum(observations, AreaObservations::awaitingCncs)),
                openObservations(now, areas),
                escalations, new AreaEscalations(all, sum(escalations, AreaEscalations::withAreaHead),
                        sum(escalations, AreaEscalations::beforeCommittee), sum(escalations, AreaEscalations::resolvedByCommittee)),
                backlog, new AreaBacklog(all, sum(backlog, AreaBacklog::open), sum(backlog, AreaBacklog::dueSoon),
                        sum(backlog, AreaBacklog::pastTerm)),
                evaluationsAtRisk(now, areas),
                parked, parked.stream().mapToLong(ParkedDeadLetters::parked).sum());
    }

    // --- the queries ---------------------------------------------------------------------------------

    private Map<String, Area> areas() {
        Map<String, Area> areas = new HashMap<>();
        for (Object[] row : rows("select area_code, min(area_name), min(area_level) from inventory_account group by area_code")) {
            areas.put((String) row[0], new Area((String) row[0], (String) row[1], (String) row[2]));
        }
        return areas;
    }

    private Cycle currentCycle() {
        List<Object[]> found = rows("""
                select cycle_id, period_start, period_end, opened_at from report_cycle
                order by opened_at desc, cycle_id desc limit 1""");
        if (found.isEmpty()) {
            return null;
        }
        Object[] row = found.getFirst();
        return new Cycle((String) row[0], date(row[1]), date(row[2]), instant(row[3]));
    }

    private Instant dataUpTo() {
        Object nanos = entityManager.createNativeQuery("select max(occurred_at_nanos) from report_watermark").getSingleResult();
        if (nanos == null) {
            return null;
        }
        long value = ((Number) nanos).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    }

    private List<AreaProgress> progress(String cycleId, Map<String, Area> areas) {
        return this.<Object[]>sql("""
                        select r.area_code, count(*), count(s.request_id), count(*) filter (where s.late),
                            count(*) filter (where s.request_id is null), count(*) filter (where s.request_id is null and r.overdue)
                        from report_request r left join report_submission s on s.request_id = r.request_id
                        where r.cycle_id = :cycle and not r.withdrawn
                        group by r.area_code order by r.area_code""")
                .setParameter("cycle", cycleId, String.class).getResultList().stream()
                .map(row -> new AreaProgress(area(areas, row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                        count(row[5])))
                .toList();
    }

    private static final String OPEN_OBSERVATIONS = """
            from report_observation o left join inventory_account a on a.account_id = o.account_id
            where o.issued_at is not null and o.resolved_at is null and o.followed_up_at is null""";

    private List<AreaObservations> observationsByArea(Instant now, Map<String, Area> areas) {
        return this.<Object[]>sql("""
                        select coalesce(o.area_code, a.area_code), count(*),
                            count(*) filter (where o.answered_at is null),
                            count(*) filter (where o.answered_at is null and o.due_at < :now),
                            count(*) filter (where o.answered_at is not null)
                        """ + OPEN_OBSERVATIONS + " group by 1 order by 1")
                .setParameter("now", at(now), OffsetDateTime.class).getResultList().stream()
                .map(row -> new AreaObservations(area(areas, row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4])))
                .toList();
    }

    private Listing<OpenObservation> openObservations(Instant now, Map<String, Area> areas) {
        int limit = config.listLimit();
        List<Object[]> found = this.<Object[]>sql("""
                        select o.observation_id, a.network, a.handle, coalesce(o.area_code, a.area_code), o.cycle_id, o.issued_at,
                            o.due_at, o.answered_at
                        """ + OPEN_OBSERVATIONS + " order by o.answered_at nulls first, o.due_at nulls last, o.observation_id limit :limit")
                .setParameter("limit", limit + 1).getResultList();
        List<OpenObservation> rows = new ArrayList<>();
        for (Object[] row : found.subList(0, Math.min(limit, found.size()))) {
            Instant due = instant(row[6]);
            rows.add(new OpenObservation((UUID) row[0], (String) row[1], (String) row[2], area(areas, row[3]), (String) row[4],
                    instant(row[5]), due, instant(row[7]), due == null ? null : Duration.between(now, due)));
        }
        long total = found.size() <= limit ? rows.size()
                : count(entityManager.createNativeQuery("select count(*) " + OPEN_OBSERVATIONS).getSingleResult());
        return new Listing<>(rows, total - rows.size());
    }

    private List<AreaEscalations> escalations(String cycleId, Map<String, Area> areas) {
        return this.<Object[]>sql("""
                        select e.area_code,
                            count(*) filter (where e.escalated_at is not null and e.reported_at is null),
                            count(*) filter (where e.reported_at is not null and not exists (
                                select 1 from report_resolution r where r.subject_id = e.subject_id)),
                            count(*) filter (where e.reported_at is not null and exists (
                                select 1 from report_resolution r where r.subject_id = e.subject_id))
                        from report_escalation e
                        where e.cycle_id = :cycle and """ + STANDING_CHAIN + " group by e.area_code order by e.area_code")
                .setParameter("cycle", cycleId, String.class).getResultList().stream()
                .map(row -> new AreaEscalations(area(areas, row[0]), count(row[1]), count(row[2]), count(row[3])))
                .toList();
    }

    /** Opened (EvaluationOpened set its term) and not completed. */
    private static final String OPEN_EVALUATIONS = """
            from report_evaluation v left join inventory_account a on a.account_id = v.account_id
            where v.due_at is not null and v.completed_at is null""";

    private List<AreaBacklog> backlog(Instant now, Map<String, Area> areas) {
        return this.<Object[]>sql("""
                        select v.area_code, count(*), count(*) filter (where v.due_at >= :now and v.due_at < :soon),
                            count(*) filter (where v.due_at < :now)
                        """ + OPEN_EVALUATIONS + " group by v.area_code order by v.area_code")
                .setParameter("now", at(now), OffsetDateTime.class)
                .setParameter("soon", at(now.plus(config.dueSoon())), OffsetDateTime.class).getResultList().stream()
                .map(row -> new AreaBacklog(area(areas, row[0]), count(row[1]), count(row[2]), count(row[3])))
                .toList();
    }

    private Listing<OpenEvaluation> evaluationsAtRisk(Instant now, Map<String, Area> areas) {
        int limit = config.listLimit();
        String atRisk = OPEN_EVALUATIONS + " and v.due_at < :soon";
        List<Object[]> found = this.<Object[]>sql("""
                        select v.evaluation_id, coalesce(a.network, v.network), a.handle, v.area_code, v.cycle_id, v.first_received_at, v.due_at
                        """ + atRisk + " order by v.due_at, v.evaluation_id limit :limit")
                .setParameter("soon", at(now.plus(config.dueSoon())), OffsetDateTime.class)
                .setParameter("limit", limit + 1).getResultList();
        List<OpenEvaluation> rows = new ArrayList<>();
        for (Object[] row : found.subList(0, Math.min(limit, found.size()))) {
            Instant due = instant(row[6]);
            rows.add(new OpenEvaluation((UUID) row[0], (String) row[1], (String) row[2], area(areas, row[3]), (String) row[4],
                    instant(row[5]), due, Duration.between(now, due)));
        }
        long total = found.size() <= limit ? rows.size() : count(this.sql("select count(*) " + atRisk)
                .setParameter("soon", at(now.plus(config.dueSoon())), OffsetDateTime.class).getSingleResult());
        return new Listing<>(rows, total - rows.size());
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static Area area(Map<String, Area> areas, Object code) {
        String areaCode = code == null ? "" : (String) code;
        return areas.getOrDefault(areaCode, new Area(areaCode, areaCode, UNKNOWN_LEVEL));
    }

    private static <T> long sum(List<T> rows, java.util.function.ToLongFunction<T> figure) {
        return rows.stream().mapToLong(figure).sum();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    private <T> NativeQuery<T> sql(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not an instant: " + value.getClass());
        };
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            default -> throw new IllegalStateException("Not a date: " + value.getClass());
        };
    }
}
