package mx.ine.redes.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import mx.ine.redes.reporting.report.AnnualReport.CycleColumn;
import mx.ine.redes.reporting.report.ReportLabels;
import mx.ine.redes.reporting.report.TrendReport;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.registry.AreaSubtreeVisibility.Restriction;

/**
 * Multi-year trends from the read model: per cycle (in period order, optionally from one cycle to
 * another), each account's latest submission among the requests still standing (as the semi-annual
 * report sums them) and its completed evaluations, grouped by network, level or area as the registry
 * has the account now, or for one account. A {@link Restriction} narrows the accounts counted (an
 * area head's subtree, an administrator's own accounts).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Trends {

    static final String REFERENCE_PREFIX = "INE/CNCS/TE/";

    /** What a trend is grouped by: the {@code ?by=} value, its Spanish name (file names, references) and its title. */
    public enum Grouping {
        NETWORK("network", "red", "por red social"),
        LEVEL("level", "nivel", "por nivel"),
        AREA("area", "area", "por área"),
        ACCOUNT("account", "cuenta", "de la cuenta");

        private final String parameter;
        private final String spanish;
        private final String title;

        Grouping(String parameter, String spanish, String title) {
            this.parameter = parameter;
            this.spanish = spanish;
            this.title = title;
        }

        public String parameter() {
            return parameter;
        }

        /** As the file name and the reference say it: {@code red}, {@code nivel}, {@code area}, {@code cuenta}. */
        public String spanish() {
            return spanish;
        }

        /** {@code ?by=} network, level or area (default network); anything else is 400 naming {@code by}. */
        public static Grouping ofParameter(String value) {
            if (value == null || value.isBlank()) {
                return NETWORK;
            }
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            for (Grouping grouping : List.of(NETWORK, LEVEL, AREA)) {
                if (grouping.parameter.equals(wanted)) {
                    return grouping;
                }
            }
            throw ProblemException.invalidParameter("by", Text.of(
                    "No se pueden agrupar las tendencias por «" + value.strip() + "»; use network, level o area.",
                    "Trends cannot be grouped by '" + value.strip() + "'; use network, level or area."));
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The series of every network, level or area, over the accounts {@code visible} lets through. */
    public TrendReport byGroup(Grouping grouping, String fromCycle, String toCycle, Function<String, Restriction> visible) {
        ReadModelRows read = new ReadModelRows(entityManager);
        List<CycleColumn> cycles = cycles(read, fromCycle, toCycle);
        Restriction restriction = visible.apply("account_id");
        Map<UUID, Registered> registry = registry(read, restriction, Optional.empty());
        return report(read, grouping, cycles, visible, registry, Optional.empty(), grouping.title);
    }

    /** The series of one account; 404 when the registry does not know it or {@code visible} does not let it through. */
    public TrendReport ofAccount(UUID accountId, String fromCycle, String toCycle, Function<String, Restriction> visible) {
        ReadModelRows read = new ReadModelRows(entityManager);
        Restriction restriction = visible.apply("account_id");
        Map<UUID, Registered> registry = registry(read, restriction, Optional.of(accountId));
        Registered account = registry.get(accountId);
        if (account == null) {
            throw ProblemException.notFound(Text.of(
                    "No se conoce la cuenta " + accountId + " o no está entre las que usted puede consultar.",
                    "Account " + accountId + " is not known or is not among those you may read."));
        }
        List<CycleColumn> cycles = cycles(read, fromCycle, toCycle);
        return report(read, Grouping.ACCOUNT, cycles, visible, registry, Optional.of(accountId),
                "de la cuenta " + account.handle() + " (" + ReportLabels.network(account.network()) + ")");
    }

    // --- cycles -------------------------------------------------------------------------------------

    private List<CycleColumn> cycles(ReadModelRows read, String fromCycle, String toCycle) {
        List<CycleColumn> all = read.rows("select cycle_id, period_start, period_end from report_cycle order by period_start, cycle_id",
                Map.of()).stream()
                .map(row -> new CycleColumn((String) row[0], ReadModelRows.date(row[1]), ReadModelRows.date(row[2]))).toList();
        int from = bound(all, "from", fromCycle, 0);
        int to = bound(all, "to", toCycle, all.size() - 1);
        if (from > to) {
            throw ProblemException.invalidParameter("from", Text.of(
                    "El ciclo inicial (" + fromCycle + ") es posterior al final (" + toCycle + ").",
                    "The first cycle (" + fromCycle + ") comes after the last one (" + toCycle + ")."));
        }
        return all.isEmpty() ? List.of() : List.copyOf(all.subList(from, to + 1));
    }

    private static int bound(List<CycleColumn> cycles, String parameter, String cycleId, int absent) {
        if (cycleId == null || cycleId.isBlank()) {
            return absent;
        }
        for (int i = 0; i < cycles.size(); i++) {
            if (cycles.get(i).cycleId().equals(cycleId.strip())) {
                return i;
            }
        }
        throw ProblemException.invalidParameter(parameter, Text.of(
                "No se conoce el ciclo «" + cycleId.strip() + "»: su apertura no ha llegado a los informes.",
                "Cycle '" + cycleId.strip() + "' is not known: its opening has not reached the reports."));
    }

    // --- the registry ---------------------------------------------------------------------------------

    /** An account as the registry has it now: what it is grouped by. */
    private record Registered(String network, String handle, String areaCode, String areaName, String level) {
    }

    private Map<UUID, Registered> registry(ReadModelRows read, Restriction visible, Optional<UUID> only) {
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        only.ifPresent(id -> parameters.put("account", id));
        Map<UUID, Registered> accounts = new HashMap<>();
        read.rows("select account_id, network, handle, area_code, area_name, area_level from inventory_account where "
                + visible.sql() + (only.isPresent() ? " and account_id = :account" : ""), parameters)
                .forEach(row -> accounts.put((UUID) row[0], new Registered((String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5])));
        return accounts;
    }

    // --- the series -------------------------------------------------------------------------------------

    /** What an account brought to a cycle: its latest figures (null when it did not report) and its scores. */
    private static final class Contribution {
        Map<String, Long> figures;
        String network;
        final List<Integer> scores = new ArrayList<>();
    }

    private TrendReport report(ReadModelRows read, Grouping grouping, List<CycleColumn> cycles, Function<String, Restriction> visible,
                               Map<UUID, Registered> registry, Optional<UUID> only, String subject) {
        List<String> cycleIds = cycles.stream().map(CycleColumn::cycleId).toList();
        // cycle -> account -> contribution
        Map<String, Map<UUID, Contribution>> byCycle = new HashMap<>();
        if (!cycleIds.isEmpty()) {
            Restriction submitted = visible.apply("s.account_id");
            Restriction evaluated = visible.apply("account_id");
            Map<String, Object> parameters = new HashMap<>(submitted.parameters());
            parameters.putAll(evaluated.parameters());
            parameters.put("cycles", cycleIds);
            only.ifPresent(id -> parameters.put("account", id));
            String account = only.isPresent() ? " and s.account_id = :account" : "";
            for (Object[] row : read.rows("""
                    select distinct on (r.cycle_id, s.account_id) r.cycle_id, s.account_id, s.network, cast(s.figures as text)
                    from report_submission s join report_request r on r.request_id = s.request_id
                    where r.cycle_id in (:cycles) and not r.withdrawn and %s%s
                    order by r.cycle_id, s.account_id, s.received_at desc, s.version desc"""
                    .formatted(submitted.sql(), account), parameters)) {
                Contribution contribution = contribution(byCycle, (String) row[0], (UUID) row[1]);
                contribution.network = (String) row[2];
                contribution.figures = read((String) row[3]);
            }
            for (Object[] row : read.rows("""
                    select cycle_id, account_id, overall_score from report_evaluation
                    where cycle_id in (:cycles) and completed_at is not null and overall_score is not null and %s%s"""
                    .formatted(evaluated.sql(), account.replace("s.account_id", "account_id")), parameters)) {
                contribution(byCycle, (String) row[0], (UUID) row[1]).scores.add(((Number) row[2]).intValue());
            }
        }
        // series key -> label; series key -> cycle -> its accounts' contributions (each account placed once per cycle)
        Map<String, String> labels = new TreeMap<>();
        Map<String, Map<String, Map<UUID, Contribution>>> members = new HashMap<>();
        for (String cycleId : cycleIds) {
            byCycle.getOrDefault(cycleId, Map.of()).forEach((accountId, contribution) -> {
                String[] key = seriesKey(grouping, accountId, registry.get(accountId), contribution);
                labels.putIfAbsent(key[0], key[1]);
                members.computeIfAbsent(key[0], k -> new HashMap<>()).computeIfAbsent(cycleId, c -> new HashMap<>())
                        .put(accountId, contribution);
            });
        }
        if (grouping == Grouping.ACCOUNT) {
            only.ifPresent(id -> {
                Registered account = registry.get(id);
                labels.clear();
                labels.put(id.toString(), account.handle() + " (" + ReportLabels.network(account.network()) + ")");
            });
        }
        List<TrendReport.Series> series = new ArrayList<>();
        labels.forEach((key, label) -> {
            Map<String, Map<UUID, Contribution>> ofSeries = members.getOrDefault(key, Map.of());
            List<TrendReport.Point> points = new ArrayList<>();
            Map<UUID, Contribution> previous = null;
            for (String cycleId : cycleIds) {
                Map<UUID, Contribution> inCycle = ofSeries.getOrDefault(cycleId, Map.of());
                points.add(point(cycleId, inCycle, previous));
                previous = inCycle;
            }
            series.add(new TrendReport.Series(key, label, List.copyOf(points)));
        });
        List<String> scopes = new ArrayList<>(cycleIds);
        scopes.add(ReportFeed.REGISTRY_SCOPE);
        String from = cycleIds.isEmpty() ? null : cycleIds.getFirst();
        String to = cycleIds.isEmpty() ? null : cycleIds.getLast();
        String reference = REFERENCE_PREFIX + grouping.spanish()
                + only.map(id -> "/" + Optional.ofNullable(registry.get(id).handle()).orElse(id.toString())).orElse("")
                + (from == null ? "" : "/" + from + "/" + to);
        String title = "Tendencias " + subject + (from == null ? "" : ", ciclos " + from + " a " + to);
        return new TrendReport(new TrendReport.Heading(reference, title, from, to, read.watermark(scopes)), grouping.parameter(),
                cycles, List.copyOf(series));
    }

    private static Contribution contribution(Map<String, Map<UUID, Contribution>> byCycle, String cycleId, UUID accountId) {
        return byCycle.computeIfAbsent(cycleId, c -> new HashMap<>()).computeIfAbsent(accountId, a -> new Contribution());
    }

    /** {key, label} of the series an account falls in: its network (as registered, else as reported), level or area now. */
    private static String[] seriesKey(Grouping grouping, UUID accountId, Registered registered, Contribution contribution) {
        return switch (grouping) {
            case NETWORK -> {
                String network = registered != null && registered.network() != null ? registered.network() : contribution.network;
                yield new String[] {String.valueOf(network), ReportLabels.network(network)};
            }
            case LEVEL -> registered == null ? new String[] {"", "Sin registro"}
                    : new String[] {registered.level(), ReportLabels.level(registered.level())};
            case AREA -> registered == null ? new String[] {"", "Sin registro"}
                    : new String[] {registered.areaCode(), registered.areaName()};
            case ACCOUNT -> new String[] {accountId.toString(), registered == null ? accountId.toString() : registered.handle()};
        };
    }

    private static TrendReport.Point point(String cycleId, Map<UUID, Contribution> members, Map<UUID, Contribution> previous) {
        long accounts = 0;
        long followers = 0;
        long posts = 0;
        long impressions = 0;
        long now = 0;
        long then = 0;
        boolean common = false;
        List<Integer> scores = new ArrayList<>();
        for (var entry : members.entrySet()) {
            Contribution contribution = entry.getValue();
            scores.addAll(contribution.scores);
            if (contribution.figures == null) {
                continue;
            }
            accounts++;
            followers += followers(contribution.figures);
            posts += contribution.figures.getOrDefault("posts", 0L);
            impressions += contribution.figures.getOrDefault("impressions", 0L);
            Contribution before = previous == null ? null : previous.get(entry.getKey());
            if (before != null && before.figures != null) {
                common = true;
                now += followers(contribution.figures);
                then += followers(before.figures);
            }
        }
        Long growth = common ? now - then : null;
        BigDecimal percent = growth == null || then == 0 ? null
                : BigDecimal.valueOf(growth * 100L).divide(BigDecimal.valueOf(then), 1, RoundingMode.HALF_EVEN);
        BigDecimal mean = scores.isEmpty() ? null : BigDecimal.valueOf(scores.stream().mapToLong(Integer::longValue).sum())
                .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
        return new TrendReport.Point(cycleId, accounts, followers, posts, impressions, growth, percent, scores.size(), mean);
    }

    /** X reports {@code followers}; the other networks their count at the period's end. */
    private static long followers(Map<String, Long> figures) {
        Long followers = figures.get("followers");
        if (followers == null) {
            followers = figures.get("followersAtEnd");
        }
        return followers == null ? 0 : followers;
    }

    private Map<String, Long> read(String text) {
        try {
            Map<String, Long> figures = json.readValue(text, new TypeReference<Map<String, Long>>() {
            });
            figures.values().removeIf(java.util.Objects::isNull);
            return figures;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable read-model column: " + text, e);
        }
    }
}
