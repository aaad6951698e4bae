package mx.ine.redes.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.ine.redes.events.RatingLabel;
import mx.ine.redes.events.RecommendationCategoryLabel;
import mx.ine.redes.reporting.report.ReportLabels;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.AccountLine;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;

/**
 * Builds the semi-annual report of a cycle from the read model ({@link ReportFeed}, the inventory),
 * every list in the order {@link SemiannualReport} states, so that the same events give the same
 * report. A {@link Restriction} narrows every account-level table to the accounts a caller answers
 * for (an area head's subtree); what is not about an account (the cycle, trainings, the Committee's
 * resolutions on the report itself) stays whole.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SemiannualReports {

    static final String REFERENCE_PREFIX = "INE/CNCS/RS/";
    private static final int PODIUM = 5;
    private static final List<String> RECOMMENDATION_STATUSES = List.of("PENDING", "ATTENDED", "NOT_ATTENDED");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    // A few at a time: the connections are shared with the consumers and the other requests.
    private final ExecutorService sections = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "semiannual-report-section");
        thread.setDaemon(true);
        return thread;
    });

    /** The whole report, as CNCS and the Committee read it; 404 for a cycle whose opening has not arrived. */
    public SemiannualReport build(String cycleId) {
        return build(cycleId, accountColumn -> Restriction.all());
    }

    /**
     * The report narrowed to the accounts {@code visible} lets through: given the SQL column holding an
     * account id, it answers the restriction on it (e.g. {@code AreaSubtreeVisibility.answeredFor}).
     */
    public SemiannualReport build(String cycleId, Function<String, Restriction> visible) {
        Object[] cycle = rows("select period_start, period_end from report_cycle where cycle_id = :cycle",
                Map.of("cycle", cycleId)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of(
                        "No se conoce el ciclo " + cycleId + ": su apertura no ha llegado a los informes.",
                        "Cycle " + cycleId + " is not known: its opening has not reached the reports.")));
        LocalDate start = date(cycle[0]);
        LocalDate end = date(cycle[1]);
        Optional<String> previous = rows("""
                select cycle_id from report_cycle where period_end < :start order by period_end desc, cycle_id desc limit 1""",
                Map.of("start", start)).stream().findFirst().map(row -> (String) single(row));
        Query query = Query.of(cycleId, visible);
        Map<UUID, AccountLine> accounts = accountLines(query);
        Map<String, String> areaNames = areaNames();
        // The sections read separate tables and share nothing but the lines above: side by side, each on a
        // connection of its own (the queries' round trips and the JSON columns' reading overlap).
        CompletableFuture<SemiannualReport.Inventory> inventory = section(() -> inventory(query, accounts, start, end));
        CompletableFuture<SemiannualReport.Statistics> statistics = section(() -> statistics(query, previous, accounts));
        CompletableFuture<SemiannualReport.Evaluation> evaluation = section(() -> evaluation(query, accounts));
        CompletableFuture<SemiannualReport.Observations> observations = section(() -> observations(query, areaNames));
        CompletableFuture<SemiannualReport.Escalations> escalations = section(() -> escalations(query, accounts, areaNames));
        CompletableFuture<SemiannualReport.Bajas> bajas = section(() -> bajas(query, accounts));
        CompletableFuture<List<SemiannualReport.Training>> trainings = section(() -> trainings(start, end));
        CompletableFuture<SemiannualReport.Recommendations> recommendations = section(() -> recommendations(query, accounts));
        return new SemiannualReport(heading(cycleId, start, end, previous), join(inventory), join(statistics), join(evaluation),
                join(observations), join(escalations), join(bajas), join(trainings), join(recommendations));
    }

    private <T> CompletableFuture<T> section(Supplier<T> part) {
        return CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(part::get), sections);
    }

    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @PreDestroy
    void stop() {
        sections.shutdownNow();
    }

    /** The account columns the queries narrow. */
    private static final List<String> ACCOUNT_COLUMNS = List.of("account_id", "s.account_id", "p.account_id");

    /**
     * The cycle's id and the visibility every account-level query appends, resolved on the caller's thread (the
     * caller is request-scoped; the sections run on others).
     */
    private record Query(String cycleId, Map<String, Restriction> restrictions) {

        static Query of(String cycleId, Function<String, Restriction> visibility) {
            Map<String, Restriction> restrictions = new HashMap<>();
            ACCOUNT_COLUMNS.forEach(column -> restrictions.put(column, visibility.apply(column)));
            return new Query(cycleId, Map.copyOf(restrictions));
        }

        String where(String accountColumn) {
            Restriction restriction = restrictions.get(accountColumn);
            if (restriction == null) {
                throw new IllegalStateException("Add " + accountColumn + " to ACCOUNT_COLUMNS");
            }
            return restriction.sql();
        }

        Restriction visible() {
            return restrictions.get("account_id");
        }
    }

    private SemiannualReport.Heading heading(String cycleId, LocalDate start, LocalDate end, Optional<String> previous) {
        List<String> scopes = new ArrayList<>(List.of(cycleId, ReportFeed.REGISTRY_SCOPE));
        previous.ifPresent(scopes::add);
        Instant asOf = rows("select max(occurred_at_nanos) from report_watermark where scope in (:scopes)", Map.of("scopes", scopes))
                .stream().map(SemiannualReports::single).filter(java.util.Objects::nonNull)
                .map(nanos -> Instant.ofEpochSecond(0, ((Number) nanos).longValue())).findFirst().orElse(null);
        return new SemiannualReport.Heading(REFERENCE_PREFIX + cycleId,
                "Informe semestral al Comité de Redes Sociales sobre las cuentas institucionales, ciclo " + cycleId,
                cycleId, start, end, asOf);
    }

    // --- inventory ---------------------------------------------------------------------------------

    private Map<UUID, AccountLine> accountLines(Query query) {
        Map<UUID, AccountLine> lines = new HashMap<>();
        for (Object[] row : rows("select account_id, network, handle, url, area_code, area_name, area_level, status "
                + "from inventory_account where " + query.where("account_id"), query.visible().parameters())) {
            UUID id = (UUID) row[0];
            lines.put(id, new AccountLine(id, ReportLabels.network((String) row[1]), (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], ReportLabels.level((String) row[6]), ReportLabels.accountStatus((String) row[7])));
        }
        return lines;
    }

    private Map<String, String> areaNames() {
        Map<String, String> names = new HashMap<>();
        // The name of the area's latest snapshot by event time: the same whichever order the rows were written in.
        rows("select distinct on (area_code) area_code, area_name from inventory_account"
                + " order by area_code, snapshot_at_nanos desc nulls last, account_id", Map.of()).forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    private SemiannualReport.Inventory inventory(Query query, Map<UUID, AccountLine> accounts, LocalDate start, LocalDate end) {
        String visible = query.where("account_id");
        Map<String, Object> parameters = query.visible().parameters();
        List<Count> byLevel = counts("select area_level, area_level, count(*) from inventory_account where " + visible
                + " group by area_level order by area_level", parameters, ReportLabels::level);
        List<Count> byNetwork = counts("select network, network, count(*) from inventory_account where " + visible
                + " group by network order by network", parameters, ReportLabels::network);
        List<Count> byArea = counts("select area_code, min(area_name), count(*) from inventory_account where " + visible
                + " group by area_code order by area_code", parameters, Function.identity());
        List<Count> byStatus = counts("select status, status, count(*) from inventory_account where " + visible
                + " group by status order by status", parameters, ReportLabels::accountStatus);
        Map<String, Object> period = with(parameters, Map.of("start", start, "end", end));
        List<SemiannualReport.Dated> registered = rows("""
                select account_id, registered_on from inventory_account
                where registered_on between :start and :end and %s order by registered_on, handle, account_id""".formatted(visible),
                period).stream().map(row -> new SemiannualReport.Dated(accounts.get((UUID) row[0]), date(row[1]), "", "")).toList();
        List<SemiannualReport.Dated> decommissioned = rows("""
                select account_id, decommissioned_on, coalesce(decommission_reason, ''), coalesce(decommission_observations, '')
                from inventory_account where decommissioned_on between :start and :end and %s
                order by decommissioned_on, handle, account_id""".formatted(visible), period).stream()
                .map(row -> new SemiannualReport.Dated(accounts.get((UUID) row[0]), date(row[1]), (String) row[2], (String) row[3]))
                .toList();
        List<SemiannualReport.Dated> permanence = rows("""
                select p.account_id, p.decided_on, p.reason, coalesce(p.observations, '')
                from report_permanence p join inventory_account a on a.account_id = p.account_id
                where p.decided_on between :start and :end and %s
                order by p.decided_on, a.handle, p.account_id, p.act_id""".formatted(query.where("p.account_id")), period)
                .stream().map(row -> new SemiannualReport.Dated(accounts.get((UUID) row[0]), date(row[1]), (String) row[2], (String) row[3]))
                .toList();
        long total = byStatus.stream().mapToLong(Count::count).sum();
        return new SemiannualReport.Inventory(total, byLevel, byNetwork, byArea, byStatus, registered, decommissioned, permanence);
    }

    // --- statistics --------------------------------------------------------------------------------

    /** Each account's latest submission among the cycle's requests still standing: figures, audience, campaigns. */
    private record Latest(UUID accountId, String network, Map<String, Long> figures, Map<String, Map<String, BigDecimal>> audience,
                          List<Map<String, Object>> campaigns) {
    }

    /** {@code figuresOnly}: the previous cycle's are compared by figures alone; its audience and campaigns are not read. */
    private Map<UUID, Latest> latestSubmissions(String cycleId, Query query, boolean figuresOnly) {
        Map<UUID, Latest> latest = new LinkedHashMap<>();
        String breakdowns = figuresOnly ? "null, null" : "cast(s.audience as text), cast(s.campaigns as text)";
        for (Object[] row : rows("""
                select distinct on (s.account_id) s.account_id, s.network, cast(s.figures as text), %s
                from report_submission s join report_request r on r.request_id = s.request_id
                where r.cycle_id = :cycle and not r.withdrawn and %s
                order by s.account_id, s.received_at desc, s.version desc""".formatted(breakdowns, query.where("s.account_id")),
                with(query.visible().parameters(), Map.of("cycle", cycleId)))) {
            latest.put((UUID) row[0], new Latest((UUID) row[0], (String) row[1], read((String) row[2], FIGURES),
                    figuresOnly ? Map.of() : read((String) row[3], AUDIENCE), figuresOnly ? List.of() : read((String) row[4], CAMPAIGNS)));
        }
        return latest;
    }

    private SemiannualReport.Statistics statistics(Query query, Optional<String> previousCycle, Map<UUID, AccountLine> accounts) {
        long requested = count("select count(distinct account_id) from report_request where cycle_id = :cycle and not withdrawn and "
                + query.where("account_id"), query);
        Map<UUID, Latest> current = latestSubmissions(query.cycleId(), query, false);
        Map<UUID, Latest> previous = previousCycle.map(cycle -> latestSubmissions(cycle, query, true)).orElse(Map.of());
        Map<List<String>, List<Latest>> groups = new TreeMap<>(Comparator.<List<String>, String>comparing(key -> key.get(0))
                .thenComparing(key -> key.get(1)));
        for (Latest submission : current.values()) {
            String level = Optional.ofNullable(accounts.get(submission.accountId())).map(AccountLine::level).orElse("");
            groups.computeIfAbsent(List.of(ReportLabels.network(submission.network()), level), key -> new ArrayList<>())
                    .add(submission);
        }
        List<SemiannualReport.Totals> totals = groups.entrySet().stream().map(group -> new SemiannualReport.Totals(
                group.getKey().get(0), group.getKey().get(1), group.getValue().size(),
                sum(group.getValue().stream().map(Latest::figures).toList()),
                sum(group.getValue().stream().map(submission -> previous.get(submission.accountId()))
                        .filter(java.util.Objects::nonNull).map(Latest::figures).toList()))).toList();
        Map<String, Long> posts = new HashMap<>();
        current.values().forEach(submission -> submission.campaigns().forEach(campaign -> posts.merge(
                (String) campaign.get("hashtag"), ((Number) campaign.get("posts")).longValue(), Long::sum)));
        List<Count> postsByHashtag = posts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new Count(entry.getKey(), entry.getKey(), entry.getValue())).toList();
        return new SemiannualReport.Statistics(requested, current.size(), totals, postsByHashtag, audience(current.values()));
    }

    private static Map<String, Long> sum(List<Map<String, Long>> figures) {
        Map<String, Long> sums = new TreeMap<>();
        figures.forEach(each -> each.forEach((field, value) -> sums.merge(field, value == null ? 0 : value, Long::sum)));
        return sums;
    }

    private static List<SemiannualReport.AudienceShare> audience(java.util.Collection<Latest> submissions) {
        Map<String, Map<String, List<BigDecimal>>> shares = new TreeMap<>();
        submissions.forEach(submission -> submission.audience().forEach((group, values) -> {
            if (values != null) {
                values.forEach((key, percent) -> shares.computeIfAbsent(group, g -> new TreeMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(percent));
            }
        }));
        List<SemiannualReport.AudienceShare> lines = new ArrayList<>();
        shares.forEach((group, keys) -> keys.forEach((key, percents) -> lines.add(new SemiannualReport.AudienceShare(group, key,
                percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(percents.size()), 2, RoundingMode.HALF_UP), percents.size()))));
        return lines;
    }

    // --- evaluation --------------------------------------------------------------------------------

    private SemiannualReport.Evaluation evaluation(Query query, Map<UUID, AccountLine> accounts) {
        Map<String, Object> parameters = with(query.visible().parameters(), Map.of("cycle", query.cycleId()));
        List<SemiannualReport.Score> scores = rows("""
                select account_id, overall_score, rating, computed_rating, cast(sub_scores as text), formula_version, late
                from report_evaluation where cycle_id = :cycle and completed_at is not null and %s"""
                .formatted(query.where("account_id")), parameters).stream()
                .map(row -> new SemiannualReport.Score(line(accounts, (UUID) row[0]), ((Number) row[1]).intValue(),
                        RatingLabel.labelOf((String) row[2]), RatingLabel.labelOf((String) row[3]),
                        new TreeMap<>(this.<Map<String, Integer>>read((String) row[4], SUB_SCORES)), (String) row[5], (Boolean) row[6]))
                .sorted(Comparator.comparingInt(SemiannualReport.Score::overall).reversed()
                        .thenComparing(score -> nullToEmpty(score.account().handle()))
                        .thenComparing(score -> score.account().accountId()))
                .toList();
        Map<String, Long> byRating = rows("""
                select rating, count(*) from report_evaluation where cycle_id = :cycle and completed_at is not null and %s
                group by rating""".formatted(query.where("account_id")), parameters).stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
        List<Count> distribution = java.util.Arrays.stream(RatingLabel.values())
                .map(rating -> new Count(rating.name(), rating.label(), byRating.getOrDefault(rating.name(), 0L))).toList();
        long late = scores.stream().filter(SemiannualReport.Score::late).count();
        long open = count("""
                select count(distinct s.account_id) from report_submission s join report_request r on r.request_id = s.request_id
                where r.cycle_id = :cycle and not r.withdrawn and %s and not exists (select 1 from report_evaluation e
                    where e.cycle_id = :cycle and e.account_id = s.account_id and e.completed_at is not null)"""
                .formatted(query.where("s.account_id")), query);
        List<SemiannualReport.Score> worst = new ArrayList<>(scores.subList(Math.max(0, scores.size() - PODIUM), scores.size()));
        java.util.Collections.reverse(worst);
        return new SemiannualReport.Evaluation(scores.size(), late, open, distribution, scores,
                scores.subList(0, Math.min(PODIUM, scores.size())), worst);
    }

    // --- observations, escalations, the Committee ----------------------------------------------------

    private SemiannualReport.Observations observations(Query query, Map<String, String> areaNames) {
        List<SemiannualReport.AreaObservations> byArea = rows("""
                select area_code, count(*), count(*) filter (where resolved_at is not null and on_time),
                    count(*) filter (where resolved_at is not null and not on_time), count(*) filter (where resolved_at is null)
                from report_observation where cycle_id = :cycle and issued_at is not null and %s
                group by area_code order by area_code""".formatted(query.where("account_id")),
                with(query.visible().parameters(), Map.of("cycle", query.cycleId()))).stream()
                .map(row -> new SemiannualReport.AreaObservations((String) row[0], areaNames.get((String) row[0]), number(row[1]),
                        number(row[2]), number(row[3]), number(row[4]))).toList();
        return new SemiannualReport.Observations(
                byArea.stream().mapToLong(SemiannualReport.AreaObservations::issued).sum(),
                byArea.stream().mapToLong(SemiannualReport.AreaObservations::correctedOnTime).sum(),
                byArea.stream().mapToLong(SemiannualReport.AreaObservations::correctedLate).sum(),
                byArea.stream().mapToLong(SemiannualReport.AreaObservations::notCorrected).sum(), byArea);
    }

    /** A chain counts unless its latest step is its withdrawal. */
    private static final String STANDING_CHAIN = "(withdrawn_at is null or withdrawn_sequence < greatest(escalated_sequence, reported_sequence))";

    private SemiannualReport.Escalations escalations(Query query, Map<UUID, AccountLine> accounts, Map<String, String> areaNames) {
        Map<String, Object> parameters = with(query.visible().parameters(), Map.of("cycle", query.cycleId()));
        List<SemiannualReport.AreaEscalations> byArea = rows("""
                select area_code, count(*) filter (where escalated_at is not null), count(*) filter (where reported_at is not null)
                from report_escalation where cycle_id = :cycle and %s and %s
                group by area_code order by area_code""".formatted(STANDING_CHAIN, query.where("account_id")), parameters).stream()
                .map(row -> new SemiannualReport.AreaEscalations((String) row[0], areaNames.get((String) row[0]), number(row[1]),
                        number(row[2]))).toList();
        Map<UUID, List<SemiannualReport.Resolution>> resolutionsBySubject = new HashMap<>();
        List<SemiannualReport.Resolution> onReport = new ArrayList<>();
        for (Object[] row : rows("""
                select resolution_id, resolution, text, resolved_on, subject_kind, subject_id from report_resolution
                where cycle_id = :cycle and (account_id is null or %s) order by resolved_on, resolution_id"""
                .formatted(query.where("account_id")), parameters)) {
            SemiannualReport.Resolution resolution = new SemiannualReport.Resolution((UUID) row[0], (String) row[1],
                    ReportLabels.resolution((String) row[1]), (String) row[2], date(row[3]));
            if ("REPORT".equals(row[4]) || row[5] == null) {
                onReport.add(resolution);
            } else {
                resolutionsBySubject.computeIfAbsent((UUID) row[5], id -> new ArrayList<>()).add(resolution);
            }
        }
        List<SemiannualReport.Item> items = rows("""
                select subject_id, subject_kind, account_id, reported_at from report_escalation
                where cycle_id = :cycle and reported_at is not null and %s and %s order by reported_at, subject_id"""
                .formatted(STANDING_CHAIN, query.where("account_id")), parameters).stream()
                .map(row -> new SemiannualReport.Item((UUID) row[0], (String) row[1], line(accounts, (UUID) row[2]), instant(row[3]),
                        List.copyOf(resolutionsBySubject.getOrDefault((UUID) row[0], List.of())))).toList();
        if (!query.visible().isAll()) {
            onReport.clear();
            onReport.addAll(rows("""
                    select resolution_id, resolution, text, resolved_on from report_resolution
                    where cycle_id = :cycle and subject_kind = 'REPORT' order by resolved_on, resolution_id""",
                    Map.of("cycle", query.cycleId())).stream()
                    .map(row -> new SemiannualReport.Resolution((UUID) row[0], (String) row[1],
                            ReportLabels.resolution((String) row[1]), (String) row[2], date(row[3]))).toList());
        }
        return new SemiannualReport.Escalations(byArea, items, List.copyOf(onReport));
    }

    // --- bajas, trainings, recommendations -------------------------------------------------------------

    private SemiannualReport.Bajas bajas(Query query, Map<UUID, AccountLine> accounts) {
        List<SemiannualReport.Dormant> dormant = rows("""
                select account_id, last_publication_on, days_without_publication, not_located from report_dormancy where %s"""
                .formatted(query.where("account_id")), query.visible().parameters()).stream()
                .map(row -> new SemiannualReport.Dormant(line(accounts, (UUID) row[0]), date(row[1]), number(row[2]), (Boolean) row[3]))
                .sorted(Comparator.comparing((SemiannualReport.Dormant each) -> nullToEmpty(each.account().handle()))
                        .thenComparing(each -> each.account().accountId()))
                .toList();
        List<SemiannualReport.Proposal> proposals = rows("""
                select proposal_id, account_id, grounds, overall_score, decided_on from report_baja_proposal
                where cycle_id = :cycle and %s""".formatted(query.where("account_id")),
                with(query.visible().parameters(), Map.of("cycle", query.cycleId()))).stream()
                .map(row -> new SemiannualReport.Proposal((UUID) row[0], line(accounts, (UUID) row[1]), (String) row[2],
                        row[3] == null ? null : ((Number) row[3]).intValue(), row[4] == null ? "PROPOSED" : "DECIDED", date(row[4])))
                .sorted(Comparator.comparing((SemiannualReport.Proposal each) -> nullToEmpty(each.account().handle()))
                        .thenComparing(SemiannualReport.Proposal::proposalId))
                .toList();
        return new SemiannualReport.Bajas(dormant, proposals);
    }

    private List<SemiannualReport.Training> trainings(LocalDate start, LocalDate end) {
        return rows("""
                select training_id, held_on, topic, hours, modality, attendees from report_training
                where held_on between :start and :end order by held_on, topic, training_id""", Map.of("start", start, "end", end))
                .stream().map(row -> new SemiannualReport.Training((UUID) row[0], date(row[1]), (String) row[2],
                        (BigDecimal) row[3], (String) row[4], number(row[5]))).toList();
    }

    private SemiannualReport.Recommendations recommendations(Query query, Map<UUID, AccountLine> accounts) {
        List<SemiannualReport.RecommendationLine> items = rows("""
                select recommendation_id, account_id, category, text, status, answer from report_recommendation
                where cycle_id = :cycle and %s""".formatted(query.where("account_id")),
                with(query.visible().parameters(), Map.of("cycle", query.cycleId()))).stream()
                .map(row -> new SemiannualReport.RecommendationLine((UUID) row[0], line(accounts, (UUID) row[1]), (String) row[2],
                        RecommendationCategoryLabel.labelOf((String) row[2]), (String) row[3], (String) row[4], (String) row[5]))
                .sorted(Comparator.comparing((SemiannualReport.RecommendationLine each) -> nullToEmpty(each.account().handle()))
                        .thenComparing(SemiannualReport.RecommendationLine::category)
                        .thenComparing(SemiannualReport.RecommendationLine::recommendationId))
                .toList();
        List<Count> byStatus = RECOMMENDATION_STATUSES.stream().map(status -> new Count(status,
                ReportLabels.recommendationStatus(status), items.stream().filter(item -> status.equals(item.status())).count())).toList();
        return new SemiannualReport.Recommendations(byStatus, items);
    }

    // --- reading -----------------------------------------------------------------------------------

    /** An account the registry's events have not brought yet still has a line: its id alone. */
    private static AccountLine line(Map<UUID, AccountLine> accounts, UUID accountId) {
        return accounts.getOrDefault(accountId, new AccountLine(accountId, null, null, null, null, null, null, null));
    }

    private List<Count> counts(String sql, Map<String, Object> parameters, Function<String, String> label) {
        return rows(sql, parameters).stream().map(row -> new Count((String) row[0], label.apply((String) row[1]), number(row[2])))
                .toList();
    }

    private long count(String sql, Query query) {
        return number(single(rows(sql, with(query.visible().parameters(), Map.of("cycle", query.cycleId()))).get(0)));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        jakarta.persistence.Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
        }
        return rows;
    }

    private static Object single(Object[] row) {
        return row[0];
    }

    private static Map<String, Object> with(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> both = new HashMap<>(first);
        both.putAll(second);
        return both;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case Date date -> date.toLocalDate();
            default -> throw new IllegalStateException("Not a date: " + value.getClass());
        };
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not an instant: " + value.getClass());
        };
    }

    // The types of the read model's JSON columns, resolved once: a report reads tens of thousands of them.
    private static final TypeReference<Map<String, Long>> FIGURES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, BigDecimal>>> AUDIENCE = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> CAMPAIGNS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> SUB_SCORES = new TypeReference<>() {
    };
    private final Map<TypeReference<?>, ObjectReader> readers = new java.util.concurrent.ConcurrentHashMap<>();

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return readers.computeIfAbsent(type, json::readerFor).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable read-model column: " + text, e);
        }
    }
}
