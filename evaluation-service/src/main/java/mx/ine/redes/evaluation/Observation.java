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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An observation CNCS issued on an evaluation case's submission (Art. 14), with its Art. 15 chain.
 * One aggregate: every change goes through {@code ObservationService} under the row's lock. The
 * administrators' term runs from the notice that really left ({@link #noticeSentAt}); until then
 * {@link #dueAt} is provisional.
 *
 * <p>ISSUED → ANSWERED (a correction answered it) → RESOLVED, or FOLLOWED_UP by a new observation.
 * ISSUED past its deadline → OVERDUE → ESCALATED (the head's notice) → REPORTED (the head's term
 * passed). A correction after the chain fired answers it too; if it was received on time the chain
 * is withdrawn ({@link #chainWithdrawnAt}).
 */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    public enum Status {
        ISSUED, ANSWERED, RESOLVED, FOLLOWED_UP, OVERDUE, ESCALATED, REPORTED;

        /** Still waiting for something (a correction, or CNCS's decision on one): completion waits for it. */
        public boolean blocksCompletion() {
            return this == ISSUED || this == ANSWERED || this == OVERDUE || this == ESCALATED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "evaluation_id", nullable = false)
    public UUID evaluationId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(nullable = false)
    public String text;

    /** The figures concerned, by their wire names ({@code StatisticField}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> fields = new ArrayList<>();

    /** The values submitted for those fields when it was issued (counts; others are shown as submitted). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> figures = new LinkedHashMap<>();

    @Column(name = "suggestion_code")
    public String suggestionCode;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "notice_sent_at")
    public Instant noticeSentAt;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "notified_due_at")
    public Instant notifiedDueAt;

    @Column(name = "calendar_version", nullable = false)
    public long calendarVersion;

    @Column(nullable = false)
    public String policy;

    @Column(name = "awaiting_administrator", nullable = false)
    public boolean awaitingAdministrator;

    @Column(name = "answered_by_submission_id")
    public UUID answeredBySubmissionId;

    @Column(name = "answered_by_version")
    public Integer answeredByVersion;

    @Column(name = "answered_received_at")
    public Instant answeredReceivedAt;

    @Column(name = "answered_on_time")
    public Boolean answeredOnTime;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "head_notice_sent_at")
    public Instant headNoticeSentAt;

    @Column(name = "attend_by")
    public Instant attendBy;

    @Column(name = "notified_attend_by")
    public Instant notifiedAttendBy;

    @Column(name = "escalated_to_email")
    public String escalatedToEmail;

    @Column(name = "escalated_to_area")
    public String escalatedToArea;

    @Column(name = "awaiting_head", nullable = false)
    public boolean awaitingHead;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "chain_withdrawn_at")
    public Instant chainWithdrawnAt;

    @Column(name = "reported_withdrawn", nullable = false)
    public boolean reportedWithdrawn;

    @Column(name = "follows_up_id")
    public UUID followsUpId;

    @Column(name = "followed_up_by_id")
    public UUID followedUpById;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The term runs: its notice to the administrators left. */
    public boolean termRunning() {
        return noticeSentAt != null;
    }

    /** The Art. 15 chain fired and still counts. */
    public boolean chainFired() {
        return overdueAt != null && chainWithdrawnAt == null;
    }

    public static List<Observation> ofEvaluation(UUID evaluationId) {
        return list("evaluationId = ?1 order by issuedAt, id", evaluationId);
    }
}
