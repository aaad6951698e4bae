package mx.ine.redes.reporting;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.events.CommitteeResolutionRecorded;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EscalationWithdrawn;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.ObservationResolved;
import mx.ine.redes.events.RatingOverridden;
import mx.ine.redes.events.RecommendationAttended;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.ReviewCycleOpened;
import mx.ine.redes.events.SubmissionOverdue;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequestWithdrawn;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.events.TrainingRecorded;
import mx.ine.redes.support.testing.KafkaTestClient;

/**
 * Builds a world for the reports by publishing, as the producing services would, the events of domain.md §7,
 * and remembers every envelope so that a test can wait until all of them are applied and knows the latest
 * {@code occurredAt}. Reusable: a benchmark or another format's test calls the same verbs on a bigger world.
 */
public final class ReportWorld {

    public static final String[] REPORT_TABLES = {"inventory_account", "report_watermark", "report_cycle", "report_request",
            "report_submission", "report_evaluation", "report_observation", "report_escalation", "report_resolution",
            "report_baja_proposal", "report_recommendation", "report_training", "report_dormancy", "report_permanence"};

    private final List<EventEnvelope> published = new ArrayList<>();

    /** An area of the world: its code, name, level, head and the areas above it (parent first). */
    public record Area(String code, String name, String level, String headEmail, List<AreaLink> ancestors) {

        public AreaLink link() {
            return new AreaLink(code, name, level, "Titular de " + code, headEmail);
        }

        public Area below(String childCode, String childName, String childLevel, String childHead) {
            List<AreaLink> path = new ArrayList<>();
            path.add(link());
            path.addAll(ancestors);
            return new Area(childCode, childName, childLevel, childHead, path);
        }
    }

    /** Empties the report's read model, so that a test counts only its own world (the topics keep everything). */
    public static void clearReadModel() {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("truncate " + String.join(", ", REPORT_TABLES)).executeUpdate());
    }

    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = KafkaTestClient.publish(event);
        published.add(envelope);
        return envelope;
    }

    /** Publishes with a given sequence (an older one to test late arrivals). */
    public EventEnvelope publish(DomainEvent event, long sequence) {
        EventEnvelope envelope = KafkaTestClient.publish(event, sequence);
        published.add(envelope);
        return envelope;
    }

    public List<EventEnvelope> published() {
        return List.copyOf(published);
    }

    /** The instant of the latest event published: what the report's {@code asOf} must say. */
    public Instant latestOccurredAt() {
        return published.stream().map(EventEnvelope::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Waits until every event published is recorded as applied by this service. */
    public void awaitApplied(Duration within) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        List<UUID> ids = published.stream().map(EventEnvelope::eventId).toList();
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(distinct event_id) from processed_event where event_id in (:ids)")
                        .setParameter("ids", ids).getSingleResult()).longValue()) == ids.size());
    }

    // --- the registry --------------------------------------------------------------------------------

    public UUID account(Area area, String network, String handle, LocalDate registeredOn, List<String> administrators) {
        UUID accountId = UUID.randomUUID();
        publish(new AccountRegistered(new AccountSnapshot(accountId, network, handle, "https://redes.example/" + handle,
                "Cuenta " + handle, "INSTITUTIONAL", "ACTIVE", area.code(), area.name(), area.level(), null, null,
                "Titular de " + area.code(), area.headEmail(), administrators, registeredOn, null, area.ancestors())));
        return accountId;
    }

    public void decommission(UUID accountId, String network, String handle, Area area, LocalDate on, String reason,
                             String observations, UUID bajaProposalId) {
        publish(new AccountDecommissioned(accountId, network, handle, area.code(), on, reason, observations, bajaProposalId));
    }

    public void dormant(UUID accountId, Area area, LocalDate lastPublicationOn, long days, boolean notLocated) {
        publish(new AccountFlaggedDormant(accountId, area.code(), lastPublicationOn, days, notLocated));
    }

    public UUID training(LocalDate heldOn, String topic, String hours, String modality, List<String> attendees) {
        UUID trainingId = UUID.randomUUID();
        publish(new TrainingRecorded(trainingId, heldOn, topic, new BigDecimal(hours), modality, attendees));
        return trainingId;
    }

    // --- the cycle -------------------------------------------------------------------------------------

    public void cycle(String cycleId, LocalDate periodStart, LocalDate periodEnd, int requestCount) {
        Instant opened = periodEnd.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        publish(new ReviewCycleOpened(cycleId, periodStart, periodEnd, opened, opened.plus(Duration.ofDays(14)), requestCount));
    }

    public UUID request(UUID accountId, String cycleId, Area area) {
        UUID requestId = UUID.randomUUID();
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        publish(new SubmissionRequested(requestId, accountId, cycleId, "CYCLE", List.of("posts", "followers", "impressions"),
                area.code(), List.of(), now, now, now.plus(Duration.ofDays(14))));
        return requestId;
    }

    public void withdrawRequest(UUID requestId, UUID accountId, String cycleId) {
        publish(new SubmissionRequestWithdrawn(requestId, accountId, cycleId, "La cuenta se dio de baja", Instant.now(), "cncs@ine.mx"));
    }

    public void overdue(UUID requestId, UUID accountId, String cycleId, Area area) {
        publish(new SubmissionOverdue(requestId, accountId, cycleId, area.code(), Instant.now()));
    }

    /** {@code figures}: posts, followers, impressions; {@code campaigns}: hashtag → posts; {@code gender}/{@code ageBands} may be empty. */
    public void submission(UUID requestId, UUID accountId, String cycleId, String network, int version, long posts, long followers,
                           long impressions, Map<String, Long> campaigns, Map<String, BigDecimal> gender,
                           Map<String, BigDecimal> ageBands) {
        Instant received = Instant.parse("2030-01-05T12:00:00Z").plusSeconds(version);
        publish(new SubmissionReceived(UUID.randomUUID(), requestId, accountId, cycleId, "CYCLE", network, version, received,
                received.plus(Duration.ofDays(9)), false, Map.of("posts", posts, "followers", followers, "impressions", impressions),
                new SubmissionReceived.Audience(gender, ageBands, Map.of()),
                campaigns.entrySet().stream().map(entry -> new SubmissionReceived.CampaignPosts(entry.getKey(), entry.getValue()))
                        .toList(),
                null, List.of(), null, 1, List.of(), new SubmissionReceived.EnteredBy("admin@ine.mx", false, "PORTAL", null)));
    }

    public EventEnvelope completed(UUID evaluationId, UUID accountId, String cycleId, Area area, int overall, String rating,
                                   String computedRating, boolean late, List<IssuedRecommendation> recommendations) {
        return publish(new EvaluationCompleted(evaluationId, accountId, cycleId, area.code(),
                Map.of("activity", overall, "reach", overall - 5), overall, rating, "2026.1", Instant.now(), late, computedRating,
                rating.equals(computedRating) ? null : "Criterio de la CNCS", recommendations, "cncs@ine.mx"));
    }

    public void overridden(UUID evaluationId, UUID accountId, String cycleId, Area area, String computed, String rating) {
        publish(new RatingOverridden(evaluationId, accountId, cycleId, area.code(), computed, computed, rating,
                "La cuenta atiende una campaña del Instituto", "cncs@ine.mx", Instant.now()));
    }

    public UUID observation(UUID accountId, String cycleId, Area area) {
        UUID observationId = UUID.randomUUID();
        publish(new ObservationIssued(observationId, accountId, cycleId, area.code(), "Corregir las cifras de alcance",
                Instant.now(), Instant.now().plus(Duration.ofDays(7))));
        return observationId;
    }

    public void resolved(UUID observationId, UUID accountId, String cycleId, Area area, boolean onTime) {
        publish(new ObservationResolved(observationId, accountId, cycleId, Instant.now(), onTime, null, area.code(), 2, "cncs@ine.mx"));
    }

    public void escalated(UUID subjectId, String subjectKind, UUID accountId, String cycleId, Area area) {
        publish(new EscalatedToAreaHead(subjectId, subjectKind, accountId, cycleId, area.code(), area.headEmail(), Instant.now(),
                Instant.now().plus(Duration.ofDays(5))));
    }

    public EventEnvelope reported(UUID subjectId, String subjectKind, UUID accountId, String cycleId, Area area) {
        return publish(new ReportedToCommittee(subjectId, subjectKind, accountId, cycleId, area.code(), Instant.now()));
    }

    public void escalationWithdrawn(UUID subjectId, String subjectKind, UUID accountId, String cycleId, Area area) {
        publish(new EscalationWithdrawn(subjectId, subjectKind, accountId, cycleId, area.code(), Instant.now(), Instant.now(),
                Instant.now(), false, List.of(area.headEmail())));
    }

    public UUID resolution(String cycleId, String subjectKind, UUID subjectId, UUID accountId, Area area, String resolution,
                           String text, LocalDate resolvedOn) {
        UUID resolutionId = UUID.randomUUID();
        publish(new CommitteeResolutionRecorded(resolutionId, cycleId, subjectKind, subjectId, accountId,
                area == null ? null : area.code(), resolution, text, resolvedOn, "comite@ine.mx", Instant.now()));
        return resolutionId;
    }

    public UUID bajaProposed(UUID accountId, String cycleId, UUID evaluationId, Area area, String network, String handle,
                             String grounds, Integer overallScore) {
        UUID proposalId = UUID.randomUUID();
        publish(new BajaProposed(proposalId, accountId, cycleId, evaluationId, area.code(), network, handle, grounds, overallScore,
                Instant.now()));
        return proposalId;
    }

    public EventEnvelope recommendationSettled(UUID recommendationId, UUID evaluationId, UUID accountId, String cycleId, Area area,
                                               String category, String status, String answer) {
        return publish(new RecommendationAttended(recommendationId, evaluationId, accountId, cycleId, area.code(), category, status,
                answer, "cncs@ine.mx", Instant.now()));
    }
}
