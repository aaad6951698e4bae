package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One override of an evaluation's rating by CNCS, with its written justification (domain.md §5).
 * Kept for good: written once, never updated or deleted (a trigger refuses both). The rating that
 * stands is the last override's ({@code ordinal} highest), else the formula's.
 */
@Entity
@Table(name = "rating_override")
public class RatingOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    /** 1 for the first override of the case, then 2, 3… */
    @Column(nullable = false, updatable = false)
    public int ordinal;

    @Column(name = "computed_rating", nullable = false, updatable = false)
    public String computedRating;

    @Column(name = "previous_rating", nullable = false, updatable = false)
    public String previousRating;

    @Column(nullable = false, updatable = false)
    public String rating;

    @Column(nullable = false, updatable = false)
    public String justification;

    @Column(name = "overridden_by", nullable = false, updatable = false)
    public String overriddenBy;

    @Column(name = "overridden_at", nullable = false, updatable = false)
    public Instant overriddenAt;

    @Column(name = "after_completion", nullable = false, updatable = false)
    public boolean afterCompletion;

    /** The case's overrides, oldest first. */
    public static List<RatingOverride> of(UUID caseId) {
        return find("caseId = ?1 order by ordinal", caseId).list();
    }
}
