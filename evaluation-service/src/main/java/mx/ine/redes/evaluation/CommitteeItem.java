package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A non-compliance item of the Committee (Art. 15): a request (or an observation) reported to it
 * because the head's term ended unattended. Registered in the transaction that reported it; what
 * was not attended and the dates of its chain are kept as they were then.
 */
@Entity
@Table(name = "committee_item")
public class CommitteeItem extends PanacheEntityBase {

    /** What was reported: a request of statistics or an observation of an evaluation. */
    public enum SubjectKind { REQUEST, OBSERVATION }

    /**
     * OPEN: reported, no resolution yet; RESOLVED: the Committee recorded at least one resolution on it;
     * WITHDRAWN: its chain was withdrawn (a submission on time reached this service late), it no longer counts.
     */
    public enum Status { OPEN, RESOLVED, WITHDRAWN }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    public SubjectKind subjectKind;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** What was not attended, in Spanish, e.g. "Requerimiento de estadísticas del ciclo 2027-S1". */
    @Column(nullable = false)
    public String unattended;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "escalated_to")
    public String escalatedTo;

    @Column(name = "head_notified_at")
    public Instant headNotifiedAt;

    @Column(name = "attend_by")
    public Instant attendBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
}
