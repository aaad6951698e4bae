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
 * and where it stands in the Art. 15 chain. The account's area, head and administrators are
 * copied from the registry projection when the request is issued: who was asked stays on record.
 */
@Entity
@Table(name = "submission_request")
public class SubmissionRequest extends PanacheEntityBase {

    public enum Kind { CYCLE, AD_HOC }

    /** OPEN → SUBMITTED, or OPEN → OVERDUE/ESCALATED → REPORTED (a late submission still closes it as SUBMITTED). */
    public enum Status { OPEN, SUBMITTED, OVERDUE, ESCALATED, REPORTED }

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

    /** Still waiting for the account's submission. */
    public boolean unattended() {
        return status == Status.OPEN || status == Status.OVERDUE || status == Status.ESCALATED;
    }
}
