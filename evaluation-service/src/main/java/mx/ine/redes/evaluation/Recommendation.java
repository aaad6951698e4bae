package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recommendation CNCS makes to an account's administrators within its evaluation (Art. 6 III),
 * sent with the result at completion; the administrators attend it (Art. 7 II). PENDING →
 * ATTENDED (the administrator's {@link #answer}) or NOT_ATTENDED (CNCS's {@link #nonAttendanceReason}).
 */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    public enum Status { PENDING, ATTENDED, NOT_ATTENDED }

    /** The categories of domain.md §5; their Spanish labels live in event-contract, shared with the Committee's reports. */
    public enum Category {
        MORE_ORIGINAL_CONTENT, MORE_MULTIMEDIA, ROUTE_THROUGH_INEMEXICO, PUBLISH_MORE_OFTEN, IMPROVE_ENGAGEMENT, UPDATE_PROFILE,
        DECOMMISSION, OTHER;

        public String label() {
            return mx.ine.redes.events.RecommendationCategoryLabel.valueOf(name()).label();
        }
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "made_by", nullable = false)
    public String madeBy;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    public String answer;

    @Column(name = "non_attendance_reason")
    public String nonAttendanceReason;

    @Column(name = "settled_by")
    public String settledBy;

    @Column(name = "settled_at")
    public Instant settledAt;

    /** The recommendations of one evaluation in the order they were made. */
    public static List<Recommendation> of(UUID caseId) {
        return find("caseId = ?1 order by madeAt, id", caseId).list();
    }
}
