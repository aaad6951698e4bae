package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A day the Institute's annual agreement declares non-working, with the document that says so. */
@Entity
@Table(name = "non_working_day")
public class InstituteNonWorkingDay extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public String description;

    @Column(name = "source_reference", nullable = false)
    public String sourceReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
