package mx.ine.redes.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Multi-year trends (issue 13; the Committee's "un estadístico con datos que contemplen más años",
 * seed 002): series across cycles, in period order, of followers, posts, impressions and the overall
 * score, grouped by network, level or area, or for one account. Each account counts with its latest
 * submission of the cycle among the requests still standing (as the semi-annual report sums them)
 * and its completed evaluation; it is grouped as the registry has it now (its area, its level) and by
 * the network it reported on. Every format (CSV, XLSX, PDF) renders this record.
 */
public record TrendReport(Heading heading, String by, List<AnnualReport.CycleColumn> cycles, List<Series> series) {

    /**
     * {@code reference} e.g. "INE/CNCS/TE/red/2026-S1/2027-S2"; {@code fromCycle}/{@code toCycle} the
     * first and last cycle shown (null when none); {@code asOf} the latest event of those cycles and
     * of the registry (never the wall clock).
     */
    public record Heading(String reference, String title, String fromCycle, String toCycle, Instant asOf) {
    }

    /** One line of the trend (a network, a level, an area or the account), by key; a point per cycle, in the cycles' order. */
    public record Series(String key, String label, List<Point> points) {
    }

    /**
     * A cycle's figures for the series. {@code accounts}: how many reported; {@code followers} their
     * followers (X's {@code followers}, the other networks' {@code followersAtEnd}); {@code posts},
     * {@code impressions} summed. {@code followerGrowth}: followers now minus followers in the series'
     * previous cycle, over the accounts that reported in both ({@code null} for the first cycle or when
     * no account reported in both); {@code followerGrowthPercent} that against the previous followers
     * (one decimal, null when they were 0). {@code evaluated}: completed evaluations;
     * {@code meanScore} their mean overall score (one decimal, null when none).
     */
    public record Point(String cycleId, long accounts, long followers, long posts, long impressions, Long followerGrowth,
                        BigDecimal followerGrowthPercent, long evaluated, BigDecimal meanScore) {
    }
}
