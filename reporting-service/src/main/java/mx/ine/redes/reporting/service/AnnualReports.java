package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import mx.ine.redes.reporting.report.AnnualReport;
import mx.ine.redes.reporting.report.ReportLabels;
import mx.ine.redes.reporting.report.SemiannualReport;
import mx.ine.redes.reporting.report.SemiannualReport.AccountLine;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;

/**
 * The annual consolidation (Art. 8 I): the semi-annual report of each cycle whose period lies in the
 * year, side by side and totalled. Built from those reports ({@link SemiannualReports}, so a cycle
 * reads the same here as in its own report, slice included) plus what belongs to the calendar year
 * (the accounts registered and decommissioned in it, its trainings).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnnualReports {

    static final String REFERENCE_PREFIX = "INE/CNCS/RA/";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final List<String> RECOMMENDATION_STATUSES = List.of("PENDING", "ATTENDED", "NOT_ATTENDED");

    @Inject
    EntityManager entityManager;

    @Inject
    SemiannualReports semiannual;

    /** The year as the path gives it: four digits, else 400 naming {@code year}. */
    public static int year(String text) {
        if (text == null || !YEAR.matcher(text.strip()).matches()) {
            throw ProblemException.invalidParameter("year", Text.of(
                    "El año debe escribirse con cuatro dígitos, p. ej. 2026.",
                    "The year must be written with four digits, e.g. 2026."));
        }
        return Integer.parseInt(text.strip());
    }

    public AnnualReport build(int year) {
        return build(year, accountColumn -> Restriction.all());
    }

    /** Narrowed as {@link SemiannualReports#build(String, Function)} narrows each cycle's report. */
    public AnnualReport build(int year, Function<String, Restriction> visible) {
        ReadModelRows read = new ReadModelRows(entityManager);
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        List<AnnualReport.CycleColumn> cycles = read.rows("""
                select cycle_id, period_start, period_end from report_cycle
                where period_start >= :start and period_end <= :end order by period_start, cycle_id""",
                Map.of("start", start, "end", end)).stream()
                .map(row -> new AnnualReport.CycleColumn((String) row[0], ReadModelRows.date(row[1]), ReadModelRows.date(row[2])))
                .toList();
        if (cycles.isEmpty()) {
            throw ProblemException.notFound(Text.of(
                    "Ningún ciclo del año " + year + " se ha abierto: no hay informe anual que consolidar.",
                    "No cycle of " + year + " has opened: there is no annual report to consolidate."));
        }
        Map<String, SemiannualReport> reports = new LinkedHashMap<>();
        cycles.forEach(cycle -> reports.put(cycle.cycleId(), semiannual.build(cycle.cycleId(), visible)));
        List<SemiannualReport> inOrder = List.copyOf(reports.values());
        Instant asOf = inOrder.stream().map(report -> report.heading().asOf()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        AnnualReport.Heading heading = new AnnualReport.Heading(REFERENCE_PREFIX + year,
                "Informe anual al Comité de Redes Sociales sobre las cuentas institucionales, " + year, year, start, end, asOf);
        return new AnnualReport(heading, cycles,
                inventory(read, visible, start, end),
                statistics(reports),
                evaluation(year, reports),
                compliance(year, reports),
                resolutions(reports),
                trainings(read, start, end),
                recommendations(year, reports),
                reports.entrySet().stream().flatMap(entry -> entry.getValue().bajas().proposals().stream()
                        .map(proposal -> new AnnualReport.CycleProposal(entry.getKey(), proposal))).toList());
    }

    // --- inventory ---------------------------------------------------------------------------------

    /**
     * The registry at the year's end: the accounts registered by then, each ACTIVE or DECOMMISSIONED as
     * it stood on 31 December (by its baja date), counted by level, network and area as the registry has
     * them now; with the year's registrations, bajas and permanence decisions.
     */
    private SemiannualReport.Inventory inventory(ReadModelRows read, Function<String, Restriction> visibility, LocalDate start,
                                                 LocalDate end) {
        Restriction visible = visibility.apply("account_id");
        Map<UUID, AccountLine> accounts = read.accountLines(visible);
        Map<String, Object> period = ReadModelRows.with(visible.parameters(), Map.of("start", start, "end", end));
        String atYearEnd = "from inventory_account where registered_on <= :end and " + visible.sql();
        Map<String, Object> yearEnd = ReadModelRows.with(visible.parameters(), Map.of("end", end));
        List<Count> byLevel = counts(read, "select area_level, area_level, count(*) " + atYearEnd
                + " group by area_level order by area_level", yearEnd, ReportLabels::level);
        List<Count> byNetwork = counts(read, "select network, network, count(*) " + atYearEnd
                + " group by network order by network", yearEnd, ReportLabels::network);
        List<Count> byArea = counts(read, "select area_code, min(area_name), count(*) " + atYearEnd
                + " group by area_code order by area_code", yearEnd, name -> name);
        List<Count> byStatus = counts(read, "select status, status, count(*) from (select case when decommissioned_on <= :end"
                + " then 'DECOMMISSIONED' else 'ACTIVE' end as status " + atYearEnd + ") at_year_end group by status order by status",
                yearEnd, ReportLabels::accountStatus);
        List<SemiannualReport.Dated> registered = read.rows("""
                select account_id, registered_on from inventory_account
                where registered_on between :start and :end and %s order by registered_on, handle, account_id"""
                .formatted(visible.sql()), period).stream()
                .map(row -> new SemiannualReport.Dated(accounts.get((UUID) row[0]), ReadModelRows.date(row[1]), "", "")).toList();
        List<SemiannualReport.Dated> decommissioned = read.rows("""
                select account_id, decommissioned_on, coalesce(decommission_reason, ''), coalesce(decommission_observations, '')
                from inventory_account where decommissioned_on between :start and :end and %s
                order by decommissioned_on, handle, account_id""".formatted(visible.sql()), period).stream()
                .map(row -> new SemiannualReport.Dated(accounts.get((UUID) row[0]), ReadModelRows.date(row[1]), (String) row[2],
                        (String) row[3]))
                .toList();
        // As the semi-annual report lists them, over the calendar year (a decision between two cycles' periods counts too).
        Restriction decided = visibility.apply("p.account_id");
        List<SemiannualReport.Dated> permanence = read.rows("""
                select p.account_id, p.decided_on, p.reason, coalesce(p.observations, '')
                from report_permanence p join inventory_account a on a.account_id = p.account_id
                where p.decided_on between :start and :end and %s
                order by p.decided_on, a.handle, p.account_id, p.act_id""".formatted(decided.sql()),
                ReadModelRows.with(decided.parameters(), Map.of("start", start, "end", end))).stream()
                .map(row -> new SemiannualReport.Dated(accounts.get((UUID) row[0]), ReadModelRows.date(row[1]), (String) row[2],
                        (String) row[3]))
                .toList();
        return new SemiannualReport.Inventory(byStatus.stream().mapToLong(Count::count).sum(), byLevel, byNetwork, byArea,
                byStatus, registered, decommissioned, permanence);
    }

    private static List<Count> counts(ReadModelRows read, String sql, Map<String, Object> parameters, Function<String, String> label) {
        return read.rows(sql, parameters).stream()
                .map(row -> new Count((String) row[0], label.apply((String) row[1]), ReadModelRows.number(row[2]))).toList();
    }

    // --- statistics --------------------------------------------------------------------------------

    private AnnualReport.Statistics statistics(Map<String, SemiannualReport> reports) {
        List<AnnualReport.CycleStatistics> perCycle = new ArrayList<>();
        Map<List<String>, Map<String, Long>> flows = new TreeMap<>(LINE_ORDER);
        Map<List<String>, Map<String, Long>> stocks = new TreeMap<>(LINE_ORDER);
        Map<List<String>, Long> accounts = new TreeMap<>(LINE_ORDER);
        reports.forEach((cycleId, report) -> {
            var statistics = report.statistics();
            perCycle.add(new AnnualReport.CycleStatistics(cycleId, statistics.accountsRequested(), statistics.accountsReporting(),
                    statistics.totals()));
            for (SemiannualReport.Totals line : statistics.totals()) {
                List<String> key = List.of(nullToEmpty(line.network()), nullToEmpty(line.level()));
                accounts.merge(key, line.accounts(), Math::max);
                Map<String, Long> lineFlows = flows.computeIfAbsent(key, k -> new TreeMap<>());
                Map<String, Long> lineStocks = new TreeMap<>();
                line.figures().forEach((field, value) -> {
                    if (AnnualReport.Statistics.STOCKS.contains(field)) {
                        lineStocks.put(field, value);
                    } else {
                        lineFlows.merge(field, value, Long::sum);
                    }
                });
                if (!lineStocks.isEmpty()) {
                    // Reports come in period order: the last one that reported the line holds its year-end stock.
                    stocks.put(key, lineStocks);
                }
            }
        });
        List<AnnualReport.YearTotals> year = new ArrayList<>();
        flows.forEach((key, lineFlows) -> {
            Map<String, Long> figures = new TreeMap<>(lineFlows);
            figures.putAll(stocks.getOrDefault(key, Map.of()));
            year.add(new AnnualReport.YearTotals(key.get(0), key.get(1), accounts.get(key), figures));
        });
        return new AnnualReport.Statistics(List.copyOf(perCycle), List.copyOf(year));
    }

    private static final Comparator<List<String>> LINE_ORDER = Comparator.<List<String>, String>comparing(key -> key.get(0))
            .thenComparing(key -> key.get(1));

    // --- evaluation --------------------------------------------------------------------------------

    private AnnualReport.Evaluation evaluation(int year, Map<String, SemiannualReport> reports) {
        List<AnnualReport.CycleEvaluation> perCycle = new ArrayList<>();
        reports.forEach((cycleId, report) -> {
            var evaluation = report.evaluation();
            perCycle.add(new AnnualReport.CycleEvaluation(cycleId, evaluation.completed(), evaluation.completedLate(),
                    evaluation.open(), evaluation.ratingDistribution()));
        });
        return new AnnualReport.Evaluation(List.copyOf(perCycle), new AnnualReport.CycleEvaluation(Integer.toString(year),
                perCycle.stream().mapToLong(AnnualReport.CycleEvaluation::completed).sum(),
                perCycle.stream().mapToLong(AnnualReport.CycleEvaluation::completedLate).sum(),
                perCycle.stream().mapToLong(AnnualReport.CycleEvaluation::open).sum(),
                summed(perCycle.stream().map(AnnualReport.CycleEvaluation::ratingDistribution).toList())));
    }

    /** Counts under the same keys added up, in the keys' first order. */
    private static List<Count> summed(List<List<Count>> lists) {
        Map<String, Count> sums = new LinkedHashMap<>();
        lists.forEach(counts -> counts.forEach(count -> sums.merge(count.key(), count,
                (a, b) -> new Count(a.key(), a.label(), a.count() + b.count()))));
        return List.copyOf(sums.values());
    }

    // --- observations, escalations, the Committee ----------------------------------------------------

    private AnnualReport.Compliance compliance(int year, Map<String, SemiannualReport> reports) {
        List<AnnualReport.ComplianceLine> perCycle = new ArrayList<>();
        Map<String, SemiannualReport.AreaObservations> observations = new TreeMap<>();
        Map<String, SemiannualReport.AreaEscalations> escalations = new TreeMap<>();
        reports.forEach((cycleId, report) -> {
            var issued = report.observations();
            var chains = report.escalations();
            long resolutions = chains.reportResolutions().size()
                    + chains.items().stream().mapToLong(item -> item.resolutions().size()).sum();
            perCycle.add(new AnnualReport.ComplianceLine(cycleId, issued.issued(), issued.correctedOnTime(), issued.correctedLate(),
                    issued.notCorrected(), chains.byArea().stream().mapToLong(SemiannualReport.AreaEscalations::escalated).sum(),
                    chains.byArea().stream().mapToLong(SemiannualReport.AreaEscalations::reportedToCommittee).sum(),
                    chains.items().size(), resolutions));
            issued.byArea().forEach(area -> observations.merge(area.areaCode(), area, (a, b) -> new SemiannualReport.AreaObservations(
                    a.areaCode(), a.areaName() != null ? a.areaName() : b.areaName(), a.issued() + b.issued(),
                    a.correctedOnTime() + b.correctedOnTime(), a.correctedLate() + b.correctedLate(),
                    a.notCorrected() + b.notCorrected())));
            chains.byArea().forEach(area -> escalations.merge(area.areaCode(), area, (a, b) -> new SemiannualReport.AreaEscalations(
                    a.areaCode(), a.areaName() != null ? a.areaName() : b.areaName(), a.escalated() + b.escalated(),
                    a.reportedToCommittee() + b.reportedToCommittee())));
        });
        AnnualReport.ComplianceLine total = new AnnualReport.ComplianceLine(Integer.toString(year),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::observationsIssued).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::correctedOnTime).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::correctedLate).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::notCorrected).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::escalated).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::reportedToCommittee).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::committeeItems).sum(),
                perCycle.stream().mapToLong(AnnualReport.ComplianceLine::resolutions).sum());
        return new AnnualReport.Compliance(List.copyOf(perCycle), total, List.copyOf(observations.values()),
                List.copyOf(escalations.values()));
    }

    private List<AnnualReport.CycleResolution> resolutions(Map<String, SemiannualReport> reports) {
        List<AnnualReport.CycleResolution> all = new ArrayList<>();
        reports.forEach((cycleId, report) -> {
            List<AnnualReport.CycleResolution> ofCycle = new ArrayList<>();
            report.escalations().items().forEach(item -> item.resolutions().forEach(resolution -> ofCycle.add(
                    new AnnualReport.CycleResolution(cycleId, item.subjectKind(), item.subjectId(), item.account(), resolution))));
            report.escalations().reportResolutions().forEach(resolution -> ofCycle.add(
                    new AnnualReport.CycleResolution(cycleId, "REPORT", null, null, resolution)));
            ofCycle.sort(Comparator.comparing((AnnualReport.CycleResolution each) -> each.resolution().resolvedOn(),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(each -> each.resolution().resolutionId()));
            all.addAll(ofCycle);
        });
        return List.copyOf(all);
    }

    // --- trainings, recommendations -------------------------------------------------------------------

    private List<SemiannualReport.Training> trainings(ReadModelRows read, LocalDate start, LocalDate end) {
        return read.rows("""
                select training_id, held_on, topic, hours, modality, attendees from report_training
                where held_on between :start and :end order by held_on, topic, training_id""", Map.of("start", start, "end", end))
                .stream().map(row -> new SemiannualReport.Training((UUID) row[0], ReadModelRows.date(row[1]), (String) row[2],
                        (BigDecimal) row[3], (String) row[4], ReadModelRows.number(row[5]))).toList();
    }

    private AnnualReport.Recommendations recommendations(int year, Map<String, SemiannualReport> reports) {
        List<AnnualReport.CycleCounts> perCycle = new ArrayList<>();
        List<AnnualReport.CycleRecommendation> items = new ArrayList<>();
        reports.forEach((cycleId, report) -> {
            perCycle.add(new AnnualReport.CycleCounts(cycleId, report.recommendations().byStatus()));
            report.recommendations().items().forEach(item -> items.add(new AnnualReport.CycleRecommendation(cycleId, item)));
        });
        List<Count> inYear = summed(perCycle.stream().map(AnnualReport.CycleCounts::counts).toList());
        if (inYear.isEmpty()) {
            inYear = RECOMMENDATION_STATUSES.stream().map(status -> new Count(status,
                    ReportLabels.recommendationStatus(status), 0)).toList();
        }
        return new AnnualReport.Recommendations(List.copyOf(perCycle), new AnnualReport.CycleCounts(Integer.toString(year), inYear),
                List.copyOf(items));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
