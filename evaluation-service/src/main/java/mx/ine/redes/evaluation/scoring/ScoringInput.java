package mx.ine.redes.evaluation.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What scoring needs of one account in one cycle: its peers' key (network and level), the figures
 * of its submission by {@link mx.ine.redes.events.StatisticField} wire name, the period they cover
 * (both days included), the followers it had in the previous cycle when known (history, else null)
 * and whether it is dormant.
 */
public record ScoringInput(
        UUID accountId,
        String network,
        String areaLevel,
        Map<String, Long> figures,
        LocalDate periodStart,
        LocalDate periodEnd,
        Long previousCycleFollowers,
        boolean dormant) {

    public ScoringInput {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(areaLevel, "areaLevel");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("The period ends before it starts: " + periodStart + " – " + periodEnd);
        }
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    /** Days of the period, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
    }

    /** Weeks of the period: its days over 7 (a semester of 181 days is 25.857 weeks). */
    public double weeks() {
        return days() / 7.0;
    }

    /** A figure, or null when the submission did not report it. */
    Long figure(String wireName) {
        return figures.get(wireName);
    }
}
