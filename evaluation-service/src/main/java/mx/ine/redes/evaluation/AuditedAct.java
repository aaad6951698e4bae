package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One act of the review as it happened: who (a person's e-mail, or {@code system} for a timer),
 * when, what, on which subject and under which deadline. Written with the act, never changed.
 */
@Entity
@Immutable
@Table(name = "audited_act")
public class AuditedAct extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    /** e.g. {@code CYCLE_OPENED}, {@code OBSERVATION_ISSUED}, {@code ESCALATED_TO_AREA_HEAD}. */
    @Column(nullable = false)
    public String action;

    /** {@code CYCLE}, {@code REQUEST}, {@code EVALUATION}, {@code OBSERVATION}, {@code RECOMMENDATION}, … */
    @Column(name = "subject_kind", nullable = false)
    public String subjectKind;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    /** The deadline the act was made under or set (a term's due instant), if any. */
    public Instant deadline;

    /** What happened, in Spanish, as a person reads it. */
    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> details;
}
