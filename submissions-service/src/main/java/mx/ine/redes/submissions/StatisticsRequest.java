package mx.ine.redes.submissions;

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
 * A request (requerimiento) as evaluation-service announced it: what is asked, from when a
 * submission is taken ({@link #windowOpensAt}) and the deadline as it stands now ({@link #dueAt},
 * moved by {@code SubmissionDeadlineMoved}). Timeliness is judged here, at intake, against it.
 */
@Entity
@Table(name = "statistics_request")
public class StatisticsRequest extends PanacheEntityBase {

    public enum Kind { CYCLE, AD_HOC }

    /** OPEN takes submissions and corrections; WITHDRAWN and CLOSED take nothing more. */
    public enum Status { OPEN, WITHDRAWN, CLOSED }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** For an ad hoc request: the {@code StatisticField} names it asks for (all required). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_fields", nullable = false)
    public List<String> requestedFields = new ArrayList<>();

    @Column(name = "window_opens_at", nullable = false)
    public Instant windowOpensAt;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** The envelope sequence of the last event applied (per account, as evaluation numbers them). */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
