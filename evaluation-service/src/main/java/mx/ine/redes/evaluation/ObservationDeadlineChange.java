package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One move of an observation's deadline (its notice left later than assumed, or the calendar changed). */
@Entity
@Table(name = "observation_deadline_change")
public class ObservationDeadlineChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "observation_id", nullable = false)
    public UUID observationId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "previous_due_at", nullable = false)
    public Instant previousDueAt;

    @Column(name = "new_due_at", nullable = false)
    public Instant newDueAt;

    @Column(name = "calendar_version", nullable = false)
    public long calendarVersion;

    @Column(nullable = false)
    public String reason;

    /** Whether the previous deadline had been told to the administrators. */
    @Column(nullable = false)
    public boolean notified;

    public static List<ObservationDeadlineChange> of(UUID observationId) {
        return list("observationId = ?1 order by changedAt, id", observationId);
    }
}
