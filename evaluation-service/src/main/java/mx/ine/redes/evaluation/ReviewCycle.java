package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A semester of statistics (Art. 11): {@code 2026-S1} covers January–June and is requested in July. */
@Entity
@Table(name = "review_cycle")
public class ReviewCycle extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    /** The month whose first ten business days are the submission window, e.g. {@code 2026-07}. */
    @Column(name = "window_month", nullable = false)
    public String windowMonth;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "request_count", nullable = false)
    public int requestCount;
}
