package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request's deadline moved (a calendar change, a late notice), and why. */
@Entity
@Table(name = "request_deadline_change")
public class RequestDeadlineChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

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

    public static List<RequestDeadlineChange> of(UUID requestId) {
        return list("requestId = ?1 order by changedAt, id", requestId);
    }
}
