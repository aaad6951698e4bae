package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.events.SubmissionReceived;

/**
 * An evaluation case. {@code dueAt} is CNCS's term (Art. 13), from {@code firstReceivedAt}; a
 * correction updates {@code latestVersion} and the figures but not the term. {@code term} (the
 * explanation, day by day), {@code receipts}, {@code ratingHistory}, {@code recommendations} and
 * {@code previousRecommendations} (those of the account's evaluation of the previous cycle, with
 * their status) are given when one case is read, null in lists.
 */
public record EvaluationResponse(
        UUID id,
        UUID requestId,
        UUID accountId,
        String cycleId,
        String network,
        String areaCode,
        String areaLevel,
        UUID submissionId,
        int latestVersion,
        Instant firstReceivedAt,
        Instant latestReceivedAt,
        String status,
        Instant dueAt,
        Instant effectiveAt,
        String policy,
        long calendarVersion,
        boolean late,
        Instant termPassedAt,
        Instant completedAt,
        Map<String, Long> figures,
        SubmissionReceived.Audience audience,
        List<SubmissionReceived.CampaignPosts> campaigns,
        List<SubmissionReceived.SubmissionWarning> warnings,
        List<EvaluationCase.SuggestedObservation> suggestedObservations,
        List<Receipt> receipts,
        DeadlineResponse term,
        RatingHistoryResponse ratingHistory,
        List<RecommendationResponse> recommendations,
        List<RecommendationResponse> previousRecommendations,
        /** The case's observations (Art. 14), oldest first; only in a single read. */
        List<ObservationResponse.Summary> observations) {

    /** One version's receipt; {@code applied} false: it arrived after a higher version and changed nothing. */
    public record Receipt(int version, UUID submissionId, Instant receivedAt, boolean applied) {
    }
}
