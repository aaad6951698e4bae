package mx.ine.redes.evaluation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.scoring.PeerGroup.EngagementBasis;
import mx.ine.redes.events.StatisticField;

/**
 * Scores every account of one cycle (Art. 13) under one {@link ScoringFormula}. Pure: no database,
 * no clock, no state; the same inputs and formula always give the same scores. SCORING.md states
 * every formula; the explanation of each score repeats its arithmetic.
 *
 * <p>Performance ranks each account against its peers, so a cycle is scored as a batch: the
 * engagement rates are grouped once by network, level and basis, each group sorted once, and each
 * account's rank found by binary search (O(n log n) for the cycle).
 */
public final class ScoringEngine {

    private static final String POSTS = StatisticField.POSTS.wireName();
    private static final String OWN_POSTS = StatisticField.OWN_POSTS.wireName();
    private static final String MULTIMEDIA_POSTS = StatisticField.MULTIMEDIA_POSTS.wireName();
    private static final String IMPRESSIONS = StatisticField.IMPRESSIONS.wireName();
    private static final String FOLLOWERS = StatisticField.FOLLOWERS.wireName();
    private static final String FOLLOWERS_AT_START = StatisticField.FOLLOWERS_AT_START.wireName();
    private static final String FOLLOWERS_AT_END = StatisticField.FOLLOWERS_AT_END.wireName();
    private static final String FOLLOWER_GROWTH = StatisticField.FOLLOWER_GROWTH.wireName();
    /** The interactions engagement counts, with the name the explanation gives them. */
    private static final Map<String, String> INTERACTIONS = interactions();
    private static final String EXCLUDED = "el criterio no se evalúa y queda fuera de la calificación global";

    /** Scores the accounts of one cycle, in the order given; the peers are the accounts given. */
    public List<AccountScore> scoreCycle(ScoringFormula formula, Collection<ScoringInput> accounts) {
        List<ScoringInput> inputs = List.copyOf(accounts);
        Set<UUID> seen = new HashSet<>(inputs.size() * 2);
        for (ScoringInput input : inputs) {
            if (!seen.add(input.accountId())) {
                throw new IllegalArgumentException("Account " + input.accountId() + " appears twice in the cycle");
            }
        }
        Engagement[] engagements = new Engagement[inputs.size()];
        Map<GroupKey, GroupBuilder> builders = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            engagements[i] = engagement(inputs.get(i));
            if (engagements[i].rate != null) {
                ScoringInput input = inputs.get(i);
                builders.computeIfAbsent(new GroupKey(input.network(), input.areaLevel(), engagements[i].basis),
                        key -> new GroupBuilder()).add(input.accountId(), engagements[i].rate);
            }
        }
        Map<GroupKey, RankedGroup> groups = new HashMap<>(builders.size() * 2);
        builders.forEach((key, builder) -> groups.put(key, builder.build(key)));

        List<AccountScore> scores = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ScoringInput input = inputs.get(i);
            Engagement engagement = engagements[i];
            RankedGroup group = engagement.rate == null ? null
                    : groups.get(new GroupKey(input.network(), input.areaLevel(), engagement.basis));
            scores.add(score(formula, input, engagement, group));
        }
        return List.copyOf(scores);
    }

    private AccountScore score(ScoringFormula formula, ScoringInput input, Engagement engagement, RankedGroup group) {
        Map<Criterion, SubScore> subScores = new EnumMap<>(Criterion.class);
        subScores.put(Criterion.PERFORMANCE, performance(input, engagement, group));
        subScores.put(Criterion.FREQUENCY, frequency(formula.thresholds(), input));
        subScores.put(Criterion.ORIGINAL_CONTENT, originalContent(formula.thresholds(), input));
        subScores.put(Criterion.NEW_FOLLOWERS, newFollowers(formula.thresholds(), input));

        ScoringFormula.Weights weights = formula.weights();
        double weighted = 0;
        double weightSum = 0;
        List<String> terms = new ArrayList<>(4);
        List<String> left = new ArrayList<>(4);
        for (SubScore subScore : subScores.values()) {
            double weight = weights.of(subScore.criterion());
            if (subScore.assessed()) {
                weighted += weight * subScore.value();
                weightSum += weight;
                terms.add(plain(weight) + " × " + subScore.value());
            } else {
                left.add(subScore.criterion().spanishName() + " (peso " + plain(weight) + ")");
            }
        }
        int overall;
        String overallArithmetic;
        if (weightSum == 0) {
            overall = 0;
            overallArithmetic = "ningún criterio evaluado tiene peso positivo → 0";
        } else {
            double mean = weighted / weightSum;
            overall = roundHalfUp(mean);
            overallArithmetic = "media ponderada (" + String.join(" + ", terms) + ") / " + plain(weightSum)
                    + " = " + decimals(mean, 2) + " → " + overall;
        }
        if (!left.isEmpty()) {
            overallArithmetic += "; sin evaluar, fuera de la media: " + String.join(", ", left);
        }

        Rating rating;
        String ratingReason;
        ScoringFormula.RatingCutoffs cutoffs = formula.cutoffs();
        if (input.dormant()) {
            rating = Rating.NOT_PERTINENT;
            ratingReason = "cuenta inactiva: " + rating + " sea cual sea su calificación (" + overall + ")";
        } else {
            rating = cutoffs.ratingFor(overall);
            ratingReason = switch (rating) {
                case PERTINENT -> overall + " ≥ " + cutoffs.pertinentFrom() + " → " + rating;
                case PERTINENT_WITH_RECOMMENDATIONS -> overall + " ≥ " + cutoffs.withRecommendationsFrom() + " y < "
                        + cutoffs.pertinentFrom() + " → " + rating;
                case NOT_PERTINENT -> overall + " < " + cutoffs.withRecommendationsFrom() + " → " + rating;
            };
        }
        ScoreExplanation explanation = new ScoreExplanation(input.figures(), input.periodStart(), input.periodEnd(),
                input.weeks(), input.previousCycleFollowers(), input.dormant(), List.copyOf(subScores.values()),
                group == null ? null : group.peers, formula.version(), weights, overallArithmetic, ratingReason);
        return new AccountScore(input.accountId(), subScores, overall, rating, formula, explanation);
    }

    // Performance --------------------------------------------------------------------------------

    private record Engagement(Double rate, EngagementBasis basis, String arithmetic, List<String> missing) {}

    /** (likes + shares + mentions, those reported) per impression, or per follower without impressions. */
    private static Engagement engagement(ScoringInput input) {
        long interactions = 0;
        List<String> counted = new ArrayList<>(3);
        List<String> missing = new ArrayList<>(3);
        for (Map.Entry<String, String> interaction : INTERACTIONS.entrySet()) {
            Long value = input.figure(interaction.getKey());
            if (value == null) {
                missing.add(interaction.getKey());
            } else {
                interactions += value;
                counted.add(interaction.getValue() + " " + value);
            }
        }
        if (counted.isEmpty()) {
            return new Engagement(null, null, "no se informó ninguna interacción («likes», «shares», «mentions»); "
                    + EXCLUDED, missing);
        }
        Long impressions = input.figure(IMPRESSIONS);
        String followersField = input.figure(FOLLOWERS) != null ? FOLLOWERS : FOLLOWERS_AT_END;
        Long followers = input.figure(followersField);
        String sum = "(" + String.join(" + ", counted) + ")";
        if (impressions != null && impressions > 0) {
            double rate = (double) interactions / impressions;
            return new Engagement(rate, EngagementBasis.IMPRESSIONS,
                    "Interacción por impresión " + engagementRate(rate) + " = " + sum + " / impresiones " + impressions, missing);
        }
        String noImpressions = impressions == null ? "sin «impressions»" : "«impressions» = 0";
        if (followers != null && followers > 0) {
            double rate = (double) interactions / followers;
            if (impressions == null) {
                missing.add(IMPRESSIONS);
            }
            return new Engagement(rate, EngagementBasis.FOLLOWERS, noImpressions + ", por seguidor: Interacción por seguidor "
                    + engagementRate(rate) + " = " + sum + " / «" + followersField + "» " + followers, missing);
        }
        if (impressions == null) {
            missing.add(IMPRESSIONS);
        }
        if (followers == null) {
            missing.add(FOLLOWERS);
        }
        return new Engagement(null, null, noImpressions + " y sin seguidores («followers» o «followersAtEnd») mayores que 0: "
                + "no hay base para la interacción; " + EXCLUDED, missing);
    }

    private static SubScore performance(ScoringInput input, Engagement engagement, RankedGroup group) {
        if (engagement.rate == null) {
            return SubScore.notAssessed(Criterion.PERFORMANCE, engagement.arithmetic, engagement.missing);
        }
        double[] rates = group.sortedRates;
        int n = rates.length;
        int below = lowerBound(rates, engagement.rate);
        int tiedOthers = upperBound(rates, engagement.rate) - below - 1;
        String peers = input.network() + " de nivel " + input.areaLevel() + " por " + engagement.basis.spanishName();
        List<String> notReported = engagement.missing.stream().filter(INTERACTIONS::containsKey).map(f -> "«" + f + "»").toList();
        String arithmetic = engagement.arithmetic
                + (notReported.isEmpty() ? "" : " (no informadas, no se suman: " + String.join(", ", notReported) + ")");
        if (n == 1) {
            return SubScore.of(Criterion.PERFORMANCE, 50, arithmetic + "; única cuenta " + peers
                    + " en el ciclo, sin pares con quien compararla: percentil 50 → 50", engagement.missing);
        }
        // Mid-rank percentile in integers, so that a half is rounded up exactly: 100 × (B + T/2) / (N − 1).
        long numerator = 200L * below + 100L * tiedOthers;
        long denominator = 2L * (n - 1);
        int percentile = (int) ((2 * numerator + denominator) / (2 * denominator));
        return SubScore.of(Criterion.PERFORMANCE, percentile, arithmetic
                + "; percentil " + percentile + " entre " + n + " cuentas " + peers + " → " + percentile
                + " (100 × (" + below + " por debajo + " + tiedOthers + " empatadas / 2) / (" + n + " − 1) = "
                + decimals((double) numerator / denominator, 2) + ")", engagement.missing);
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int upperBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private record GroupKey(String network, String areaLevel, EngagementBasis basis) {}

    private record RankedGroup(double[] sortedRates, PeerGroup peers) {}

    private static final class GroupBuilder {
        private final List<UUID> ids = new ArrayList<>();
        private double[] rates = new double[16];

        void add(UUID id, double rate) {
            if (ids.size() == rates.length) {
                rates = Arrays.copyOf(rates, rates.length * 2);
            }
            rates[ids.size()] = rate;
            ids.add(id);
        }

        RankedGroup build(GroupKey key) {
            double[] sorted = Arrays.copyOf(rates, ids.size());
            Arrays.sort(sorted);
            return new RankedGroup(sorted, new PeerGroup(key.network(), key.areaLevel(), key.basis(), ids));
        }
    }

    // Frequency ----------------------------------------------------------------------------------

    /** Posts per week, linear from the threshold worth 0 to the one worth 100. */
    private static SubScore frequency(ScoringFormula.Thresholds thresholds, ScoringInput input) {
        Long posts = input.figure(POSTS);
        if (posts == null) {
            return SubScore.notAssessed(Criterion.FREQUENCY, "no se informó «posts»; " + EXCLUDED, List.of(POSTS));
        }
        double weeks = input.weeks();
        double perWeek = posts / weeks;
        double zero = thresholds.frequencyZeroPostsPerWeek();
        double full = thresholds.frequencyFullPostsPerWeek();
        double linear = 100 * (perWeek - zero) / (full - zero);
        int value = clampRound(linear);
        return SubScore.of(Criterion.FREQUENCY, value, posts + " publicaciones en " + input.days() + " días ("
                + decimals(weeks, 3) + " semanas) = " + decimals(perWeek, 2) + " por semana; 100 × ("
                + decimals(perWeek, 2) + " − " + plain(zero) + ") / (" + plain(full) + " − " + plain(zero) + ") = "
                + decimals(linear, 1) + clampNote(linear) + " → " + value, List.of());
    }

    // Original content ---------------------------------------------------------------------------

    /** The mean of min(1, (own / posts) / target) and min(1, (multimedia / posts) / target) × 100, of those reported. */
    private static SubScore originalContent(ScoringFormula.Thresholds thresholds, ScoringInput input) {
        Long posts = input.figure(POSTS);
        Long own = input.figure(OWN_POSTS);
        Long multimedia = input.figure(MULTIMEDIA_POSTS);
        List<String> missing = new ArrayList<>(2);
        if (own == null) {
            missing.add(OWN_POSTS);
        }
        if (multimedia == null) {
            missing.add(MULTIMEDIA_POSTS);
        }
        if (posts == null) {
            missing.add(0, POSTS);
            return SubScore.notAssessed(Criterion.ORIGINAL_CONTENT, "no se informó «posts»; " + EXCLUDED, missing);
        }
        if (own == null && multimedia == null) {
            return SubScore.notAssessed(Criterion.ORIGINAL_CONTENT,
                    "el formulario no trae «ownPosts» ni «multimediaPosts»; " + EXCLUDED, missing);
        }
        List<String> parts = new ArrayList<>(2);
        List<Double> components = new ArrayList<>(2);
        if (own != null) {
            components.add(share("propias", own, posts, thresholds.ownShareForFull(), parts));
        }
        if (multimedia != null) {
            components.add(share("multimedia", multimedia, posts, thresholds.multimediaShareForFull(), parts));
        }
        double mean = components.stream().mapToDouble(Double::doubleValue).sum() / components.size();
        int value = clampRound(mean);
        String arithmetic = String.join("; ", parts);
        if (components.size() == 2) {
            arithmetic += "; promedio (" + decimals(components.get(0), 1) + " + " + decimals(components.get(1), 1)
                    + ") / 2 = " + decimals(mean, 2) + " → " + value;
        } else {
            arithmetic += " → " + value + " (no se informó «" + missing.get(0) + "»: cuenta solo lo informado)";
        }
        return SubScore.of(Criterion.ORIGINAL_CONTENT, value, arithmetic, missing);
    }

    private static double share(String name, long part, long posts, double target, List<String> parts) {
        if (posts == 0) {
            parts.add(name + " " + part + " de 0 publicaciones: sin publicaciones → 0");
            return 0;
        }
        double share = (double) part / posts;
        double component = 100 * Math.min(1, share / target);
        parts.add(name + " " + part + " / " + posts + " = " + decimals(share, 3) + "; 100 × mín(1, " + decimals(share, 3)
                + " / " + plain(target) + ") = " + decimals(component, 1));
        return component;
    }

    // New followers ------------------------------------------------------------------------------

    /**
     * The growth rate, from the first source available: the previous cycle's followers (history)
     * against the current followers; followersAtStart against followersAtEnd; followerGrowth over the
     * previous cycle's followers or, without history, over the followers before the growth.
     */
    private static SubScore newFollowers(ScoringFormula.Thresholds thresholds, ScoringInput input) {
        String currentField = input.figure(FOLLOWERS) != null ? FOLLOWERS : FOLLOWERS_AT_END;
        Long current = input.figure(currentField);
        Long previous = input.previousCycleFollowers();
        Long start = input.figure(FOLLOWERS_AT_START);
        Long end = input.figure(FOLLOWERS_AT_END);
        Long growth = input.figure(FOLLOWER_GROWTH);
        double rate;
        String source;
        if (previous != null && previous > 0 && current != null) {
            rate = (double) (current - previous) / previous;
            source = "«" + currentField + "» " + current + " contra " + previous + " del ciclo anterior: (" + current
                    + " − " + previous + ") / " + previous;
        } else if (start != null && start > 0 && end != null) {
            rate = (double) (end - start) / start;
            source = (previous == null ? "sin historial del ciclo anterior; " : "historial no utilizable; ")
                    + "«followersAtEnd» " + end + " contra «followersAtStart» " + start + ": (" + end + " − " + start
                    + ") / " + start;
        } else if (growth != null && previous != null && previous > 0) {
            rate = (double) growth / previous;
            source = "«followerGrowth» " + growth + " sobre " + previous + " del ciclo anterior: " + growth + " / " + previous;
        } else if (growth != null && current != null && current - growth > 0) {
            long before = current - growth;
            rate = (double) growth / before;
            source = "sin historial; «followerGrowth» " + growth + " sobre los seguidores previos («" + currentField + "» "
                    + current + " − " + growth + " = " + before + "): " + growth + " / " + before;
        } else {
            List<String> missing = new ArrayList<>();
            if (previous == null) {
                missing.add("previousCycleFollowers");
            }
            for (String field : List.of(FOLLOWERS, FOLLOWERS_AT_START, FOLLOWERS_AT_END, FOLLOWER_GROWTH)) {
                if (input.figure(field) == null) {
                    missing.add(field);
                }
            }
            return SubScore.notAssessed(Criterion.NEW_FOLLOWERS, "no hay con qué medir el crecimiento (se necesitan "
                    + "seguidores del ciclo anterior y actuales, «followersAtStart» > 0 y «followersAtEnd», o "
                    + "«followerGrowth» con una base mayor que 0); " + EXCLUDED, missing);
        }
        double zero = thresholds.growthRateForZero();
        double full = thresholds.growthRateForFull();
        double linear = 100 * (rate - zero) / (full - zero);
        int value = clampRound(linear);
        return SubScore.of(Criterion.NEW_FOLLOWERS, value, source + " = tasa " + decimals(rate, 4) + "; 100 × ("
                + decimals(rate, 4) + " − " + plain(zero) + ") / (" + plain(full) + " − " + plain(zero) + ") = "
                + decimals(linear, 1) + clampNote(linear) + " → " + value, List.of());
    }

    // Arithmetic ---------------------------------------------------------------------------------

    private static int clampRound(double value) {
        return roundHalfUp(Math.max(0, Math.min(100, value)));
    }

    private static String clampNote(double value) {
        if (value > 100) {
            return ", tope 100";
        }
        return value < 0 ? ", mínimo 0" : "";
    }

    private static int roundHalfUp(double value) {
        return (int) Math.floor(value + 0.5);
    }

    private static String decimals(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** Four decimals, six for rates below 0.001, so that distinct small rates do not read as ties. */
    private static String engagementRate(double rate) {
        return decimals(rate, rate != 0 && Math.abs(rate) < 0.001 ? 6 : 4);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> interactions() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(StatisticField.LIKES.wireName(), "me gusta");
        names.put(StatisticField.SHARES.wireName(), "compartidos");
        names.put(StatisticField.MENTIONS.wireName(), "menciones");
        return java.util.Collections.unmodifiableMap(names);
    }
}
