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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A requerimiento: one account asked for its statistics, in a cycle or ad hoc, with its deadline
 * and where it stands in the Art. 15 chain. One aggregate: every change goes through
 * {@code RequestService} under the row's lock. Its term runs from the notice that really left
 * ({@link #noticeSentAt}); until then {@link #dueAt} is provisional. The administrators and head
 * copied at issue are only the record of who was there then: notices and visibility follow the
 * registry as it is now.
 */
@Entity
@Table(name = "submission_request")
public class SubmissionRequest extends PanacheEntityBase {

    public enum Kind { CYCLE, AD_HOC }

    /**
     * OPEN → SUBMITTED, or OPEN → OVERDUE/ESCALATED → REPORTED (a late submission still closes it as
     * SUBMITTED); OPEN, OVERDUE or ESCALATED → WITHDRAWN when CNCS withdraws it or its account is
     * decommissioned (it then counts nowhere as pending and takes no submission).
     */
    public enum Status { OPEN, SUBMITTED, OVERDUE, ESCALATED, REPORTED, WITHDRAWN }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "area_level", nullable = false)
    public String areaLevel;

    @Column(name = "head_email")
    public String headEmail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "administrator_emails", nullable = false)
    public List<String> administratorEmails = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_fields", nullable = false)
    public List<String> requestedFields = new ArrayList<>();

    public String reason;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "calendar_version", nullable = false)
    public long calendarVersion;

    @Column(nullable = false)
    public String policy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_late")
    public Boolean submittedLate;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "attend_by")
    public Instant attendBy;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "window_opens_at")
    public Instant windowOpensAt;

    /** Art. 12: the due instant CNCS set for an ad hoc request. */
    @Column(name = "requested_due_at")
    public Instant requestedDueAt;

    /** When the first notice to the administrators left; the term runs from it (null: not yet). */
    @Column(name = "notice_sent_at")
    public Instant noticeSentAt;

    /** The latest deadline told to the administrators: none moves earlier than it (Art. 7 III). */
    @Column(name = "notified_due_at")
    public Instant notifiedDueAt;

    /** The latest head's term told to the head. */
    @Column(name = "notified_attend_by")
    public Instant notifiedAttendBy;

    /** Nobody to notify: the request waits, flagged, and CNCS was alerted. */
    @Column(name = "awaiting_administrator", nullable = false)
    public boolean awaitingAdministrator;

    @Column(name = "escalated_to_email")
    public String escalatedToEmail;

    @Column(name = "escalated_to_area")
    public String escalatedToArea;

    @Column(name = "head_notice_sent_at")
    public Instant headNoticeSentAt;

    /** No head up the area tree: the escalation waits, and CNCS was alerted. */
    @Column(name = "awaiting_head", nullable = false)
    public boolean awaitingHead;

    /** An on-time submission arrived after the chain fired: the chain was withdrawn. */
    @Column(name = "chain_withdrawn_at")
    public Instant chainWithdrawnAt;

    @Column(name = "reported_withdrawn", nullable = false)
    public boolean reportedWithdrawn;

    /** When it was withdrawn, by whom (a CNCS e-mail, or {@code registry} for a baja) and why. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** Art. 8 II: the Committee's resolution this ad hoc request was made on behalf of (null: CNCS's own). */
    @Column(name = "committee_resolution_id")
    public UUID committeeResolutionId;

    /** Whether the term runs: a notice to the administrators left. */
    public boolean termRunning() {
        return noticeSentAt != null;
    }

    /** Whether the Art. 15 chain has fired (overdue, escalated or reported). */
    public boolean chainFired() {
        return status == Status.OVERDUE || status == Status.ESCALATED || status == Status.REPORTED;
    }

    /** Still waiting for the account's submission. */
    public boolean unattended() {
        return status == Status.OPEN || status == Status.OVERDUE || status == Status.ESCALATED;
    }
}
