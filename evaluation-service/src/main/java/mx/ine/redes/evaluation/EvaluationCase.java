package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.SubmissionReceived;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The evaluation of one request's submission (Art. 13): opened by the first version received,
 * updated by each later one, with CNCS's own term of 10 business days from the first receipt. One
 * aggregate: every change goes through {@code EvaluationCaseService} under the row's lock. The
 * latest version's figures, audience, campaigns and warnings are kept for scoring; the warnings are
 * also kept as suggested observations (Art. 14) for CNCS to issue or not.
 */
@Entity
@Table(name = "evaluation_case")
public class EvaluationCase extends PanacheEntityBase {

    /**
     * OPEN → COMPLETED. Completion (scores, rating, recommendations, {@code EvaluationCompleted})
     * is a later slice of issue 12: it will set {@link #completedAt} under the case's lock and cancel
     * the term's timer; a case completed after {@link #termPassedAt} stays {@link #late}.
     */
    public enum Status { OPEN, COMPLETED }

    /** A submission's warning offered to CNCS as an observation it may issue (Art. 14). */
    public record SuggestedObservation(String code, List<String> fields, String message) {
    }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false, unique = true)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(nullable = false)
    public String network;

    /** The account's area and level as the registry had them when the case opened. */
    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    /** The submission of the latest version applied. */
    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    /** The act CNCS's term runs from: the first version's receipt at submissions-service. */
    @Column(name = "first_received_at", nullable = false)
    public Instant firstReceivedAt;

    @Column(name = "latest_received_at", nullable = false)
    public Instant latestReceivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Long> figures = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public SubmissionReceived.Audience audience;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SubmissionReceived.CampaignPosts> campaigns = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SubmissionReceived.SubmissionWarning> warnings = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "suggested_observations", nullable = false)
    public List<SuggestedObservation> suggestedObservations = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** CNCS's term (Art. 13): the close of the 10th business day after the first receipt takes effect. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    @Column(nullable = false)
    public String policy;

    @Column(name = "calendar_version", nullable = false)
    public long calendarVersion;

    /** The term passed before completion; set once, with {@link #termPassedAt}, and never cleared. */
    @Column(nullable = false)
    public boolean late;

    @Column(name = "term_passed_at")
    public Instant termPassedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "overall_score")
    public Integer overallScore;

    /** The rating that stands at completion and after: the last override's, else the formula's. */
    public String rating;

    /** The formula's rating as completed (the recorded score's); null while open. */
    @Column(name = "computed_rating")
    public String computedRating;

    /** The justification of the override that stands, null when the formula's rating stands. */
    @Column(name = "rating_justification")
    public String ratingJustification;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sub_scores")
    public Map<String, Integer> subScores;

    @Column(name = "formula_version")
    public String formulaVersion;

    /** The score as completed (sub-scores, formula, explanation): kept as it was, never recomputed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public mx.ine.redes.evaluation.scoring.AccountScore score;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
