package mx.ine.redes.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The semi-annual report to the Committee for one cycle (Art. 6 V, Art. 8 I; domain.md §6), every
 * section of it, as data: the JSON answer is this record, and every other format (CSV, XLSX, PDF)
 * renders it and nothing else. Lists are in a stable order stated per list, so that a report built
 * twice from the same events is the same, byte for byte. Labels are Spanish, as the Committee reads.
 */
public record SemiannualReport(
        Heading heading,
        Inventory inventory,
        Statistics statistics,
        Evaluation evaluation,
        Observations observations,
        Escalations escalations,
        Bajas bajas,
        List<Training> trainings,
        Recommendations recommendations) {

    /**
     * The letterhead: {@code reference} (e.g. "INE/CNCS/RS/2027-S2"), the cycle and its period, and
     * {@code asOf}: the instant of the latest event the report reflects (never the wall clock, so
     * that a rebuild gives the same document).
     */
    public record Heading(String reference, String title, String cycleId, LocalDate periodStart, LocalDate periodEnd,
                          Instant asOf) {
    }

    /** A count under a key (a level, a network, an area code, a status, a rating, a hashtag) and its Spanish label. */
    public record Count(String key, String label, long count) {
    }

    /** One account as a table line names it. */
    public record AccountLine(UUID accountId, String network, String handle, String url, String areaCode, String areaName,
                              String level, String status) {
    }

    // --- inventory -------------------------------------------------------------------------------

    /**
     * Accounts as the registry stands at {@code heading.asOf}: counts by level, network, area and
     * status (each ordered by key); the accounts registered and decommissioned in the period
     * ("Cuentas dadas de baja / Observaciones"), and the permanence decisions ("Permanencia de
     * cuentas / Observaciones"), ordered by date then handle.
     */
    public record Inventory(long total, List<Count> byLevel, List<Count> byNetwork, List<Count> byArea, List<Count> byStatus,
                            List<Dated> registered, List<Dated> decommissioned, List<Dated> permanence) {
    }

    /** An account and a dated act on it, with the act's reason and observations (empty when none). */
    public record Dated(AccountLine account, LocalDate on, String reason, String observations) {
    }

    // --- statistics ------------------------------------------------------------------------------

    /**
     * The figures submitted for the cycle (each account's latest version): totals per network and
     * level (ordered by network, level), with the growth against the previous cycle's totals of the
     * same accounts; posts per campaign hashtag (most posts first, then hashtag); the audience as the
     * mean of the shares reported (ordered by group, key).
     */
    public record Statistics(long accountsRequested, long accountsReporting, List<Totals> totals, List<Count> postsByHashtag,
                             List<AudienceShare> audience) {
    }

    /** {@code figures} and {@code previousCycle} by StatisticField wire name (posts, impressions, followers…). */
    public record Totals(String network, String level, long accounts, Map<String, Long> figures,
                         Map<String, Long> previousCycle) {
    }

    /** {@code group} is {@code gender}, {@code ageBands} or {@code countries}; {@code accounts} how many reported it. */
    public record AudienceShare(String group, String key, BigDecimal meanPercent, long accounts) {
    }

    // --- evaluation ------------------------------------------------------------------------------

    /**
     * Completed evaluations: the rating distribution (the three ratings, in that order), the score
     * table (highest overall first, then handle), the five best and five worst, how many were
     * completed after CNCS's 10-business-day term and how many are still open.
     */
    public record Evaluation(long completed, long completedLate, long open, List<Count> ratingDistribution, List<Score> scores,
                             List<Score> best, List<Score> worst) {
    }

    /** {@code rating} as it stands (an override's); {@code computedRating} the formula's. */
    public record Score(AccountLine account, int overall, String rating, String computedRating, Map<String, Integer> subScores,
                        String formulaVersion, boolean late) {
    }

    // --- observations, escalations, the Committee ---------------------------------------------------

    /** Observations of the cycle (Art. 14): issued, corrected on time, corrected late, not corrected; per area (by area code). */
    public record Observations(long issued, long correctedOnTime, long correctedLate, long notCorrected, List<AreaObservations> byArea) {
    }

    public record AreaObservations(String areaCode, String areaName, long issued, long correctedOnTime, long correctedLate,
                                   long notCorrected) {
    }

    /**
     * Art. 15: per area (by area code), requests and observations escalated to the head and reported
     * to the Committee (withdrawn chains do not count); the non-compliance items with the
     * Committee's resolutions (by report date, then subject), and the resolutions on the report itself.
     */
    public record Escalations(List<AreaEscalations> byArea, List<Item> items, List<Resolution> reportResolutions) {
    }

    public record AreaEscalations(String areaCode, String areaName, long escalated, long reportedToCommittee) {
    }

    /** {@code subjectKind} REQUEST or OBSERVATION. */
    public record Item(UUID subjectId, String subjectKind, AccountLine account, Instant reportedAt, List<Resolution> resolutions) {
    }

    /** {@code resolution} RECEIVED, AGREED or INSTRUCTED, with its Spanish label. */
    public record Resolution(UUID resolutionId, String resolution, String label, String text, LocalDate resolvedOn) {
    }

    // --- bajas, trainings, recommendations -------------------------------------------------------------

    /**
     * Dormant and not-located accounts (flagged by the registry; by handle), and the proposed bajas
     * of the cycle with their grounds and what became of them (PROPOSED, DECIDED, WITHDRAWN; by handle).
     */
    public record Bajas(List<Dormant> dormant, List<Proposal> proposals) {
    }

    public record Dormant(AccountLine account, LocalDate lastPublicationOn, long daysWithoutPublication, boolean notLocated) {
    }

    public record Proposal(UUID proposalId, AccountLine account, String grounds, Integer overallScore, String status,
                           LocalDate decidedOn) {
    }

    /** A training given in the period (Art. 6 V), by date then topic. */
    public record Training(UUID trainingId, LocalDate heldOn, String topic, BigDecimal hours, String modality, long attendees) {
    }

    /** Recommendations made in the cycle: counts by status (PENDING, ATTENDED, NOT_ATTENDED) and each one (by handle, then category). */
    public record Recommendations(List<Count> byStatus, List<RecommendationLine> items) {
    }

    public record RecommendationLine(UUID recommendationId, AccountLine account, String category, String categoryLabel, String text,
                                     String status, String answer) {
    }
}
