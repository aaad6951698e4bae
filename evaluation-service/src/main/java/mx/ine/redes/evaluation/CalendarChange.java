package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of the calendar's data; its number is the calendar version deadlines cite. The
 * number is assigned by {@code CalendarService} as the previous version + 1 while it holds the
 * calendar's change lock, so versions are consecutive and follow the order of the commits (a
 * sequence would leave gaps on rollback and could hand numbers out of commit order).
 */
@Entity
@Table(name = "calendar_change")
public class CalendarChange extends PanacheEntityBase {

    @Id
    public Long version;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String description;
}
