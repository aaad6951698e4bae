package mx.ine.redes.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.reporting.report.SemiannualReport.AccountLine;
import mx.ine.redes.reporting.report.SemiannualReport.AreaEscalations;
import mx.ine.redes.reporting.report.SemiannualReport.AreaObservations;
import mx.ine.redes.reporting.report.SemiannualReport.Count;
import mx.ine.redes.reporting.report.SemiannualReport.Proposal;
import mx.ine.redes.reporting.report.SemiannualReport.RecommendationLine;
import mx.ine.redes.reporting.report.SemiannualReport.Resolution;
import mx.ine.redes.reporting.report.SemiannualReport.Totals;
import mx.ine.redes.reporting.report.SemiannualReport.Training;

/**
 * The annual consolidation for the Committee's annual report (Art. 8 I): the cycles whose period
 * lies in the year, side by side (in period order) and totalled. Each cycle's figures are those of
 * its semi-annual report (the same rules, the same slice for an area head); the year's inventory
 * counts the accounts registered by 31 December, each active or decommissioned as it stood that day
 * (by level, network and area as the registry has them now), with the accounts registered,
 * decommissioned and confirmed (permanence) in the calendar year. Every format (CSV, XLSX, PDF) renders this record.
 */
public record AnnualReport(
        Heading heading,
        List<CycleColumn> cycles,
        SemiannualReport.Inventory inventory,
        Statistics statistics,
        Evaluation evaluation,
        Compliance compliance,
        List<CycleResolution> resolutions,
        List<Training> trainings,
        Recommendations recommendations,
        List<CycleProposal> proposedBajas) {

    /**
     * {@code reference} "INE/CNCS/RA/2026"; {@code asOf} the latest event any of the year's cycle
     * reports reflects (never the wall clock).
     */
    public record Heading(String reference, String title, int year, LocalDate periodStart, LocalDate periodEnd, Instant asOf) {
    }

    /** A cycle of the year (by period start, then id). */
    public record CycleColumn(String cycleId, LocalDate periodStart, LocalDate periodEnd) {
    }

    // --- statistics ------------------------------------------------------------------------------

    /**
     * Per cycle: the accounts asked and reporting and the totals by network and level (as the cycle's
     * report has them). For the year, by network and level: flows (posts, impressions, follower
     * growth…) summed over the cycles; stocks ({@link #STOCKS}: followers counted at a date) taken
     * from the year's last cycle in which the line reported, so that followers are never added twice.
     */
    public record Statistics(List<CycleStatistics> perCycle, List<YearTotals> year) {

        /** Figures that count followers at a date rather than things done in the period. */
        public static final List<String> STOCKS = List.of("followers", "followersAtStart", "followersAtEnd");
    }

    public record CycleStatistics(String cycleId, long accountsRequested, long accountsReporting, List<Totals> totals) {
    }

    /** {@code figures} by StatisticField wire name; {@code accounts} the most that reported in one cycle of the year. */
    public record YearTotals(String network, String level, long accounts, Map<String, Long> figures) {
    }

    // --- evaluation ------------------------------------------------------------------------------

    /** Per cycle and for the year: completed, late, open and the rating distribution (the three ratings, in that order). */
    public record Evaluation(List<CycleEvaluation> perCycle, CycleEvaluation year) {
    }

    /** {@code cycleId} is the year ("2026") on the year's line. */
    public record CycleEvaluation(String cycleId, long completed, long completedLate, long open, List<Count> ratingDistribution) {
    }

    // --- observations, escalations, the Committee ---------------------------------------------------

    /** Per cycle and for the year (Art. 14, 15); per area for the year (by area code). */
    public record Compliance(List<ComplianceLine> perCycle, ComplianceLine year, List<AreaObservations> observationsByArea,
                             List<AreaEscalations> escalationsByArea) {
    }

    /** {@code cycleId} is the year on the year's line; {@code committeeItems} the non-compliance items reported to the Committee. */
    public record ComplianceLine(String cycleId, long observationsIssued, long correctedOnTime, long correctedLate,
                                 long notCorrected, long escalated, long reportedToCommittee, long committeeItems,
                                 long resolutions) {
    }

    /**
     * A resolution of the Committee in one of the year's cycles: on a non-compliance item
     * ({@code subjectKind} REQUEST or OBSERVATION, with its account) or on the report itself
     * ({@code subjectKind} REPORT, no account). By cycle, then date, then id.
     */
    public record CycleResolution(String cycleId, String subjectKind, UUID subjectId, AccountLine account, Resolution resolution) {
    }

    // --- recommendations, bajas --------------------------------------------------------------------------

    /** Counts by status (PENDING, ATTENDED, NOT_ATTENDED) per cycle and for the year; every recommendation, by cycle. */
    public record Recommendations(List<CycleCounts> byStatusPerCycle, CycleCounts byStatusInYear, List<CycleRecommendation> items) {
    }

    /** {@code cycleId} is the year on the year's line. */
    public record CycleCounts(String cycleId, List<Count> counts) {
    }

    public record CycleRecommendation(String cycleId, RecommendationLine recommendation) {
    }

    /** A baja proposed in one of the year's cycles, with what became of it (by cycle, then as the cycle's report orders them). */
    public record CycleProposal(String cycleId, Proposal proposal) {
    }
}
