package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A resolution of the Committee (Art. 4, Art. 8) on a cycle's report or on one of its
 * non-compliance items, with its text and the session's date. Written once, never changed (a
 * trigger refuses updates and deletes).
 */
@Entity
@Immutable
@Table(name = "committee_resolution")
public class CommitteeResolution extends PanacheEntityBase {

    /** On what: the cycle's report as a whole, or one of its non-compliance items. */
    public enum SubjectKind { REPORT, NON_COMPLIANCE_ITEM }

    /** The Committee received it, agreed on it, or instructed something about it. */
    public enum Kind { RECEIVED, AGREED, INSTRUCTED }

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public String cycleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    public SubjectKind subjectKind;

    /** The item's subject (the request or observation reported); null for a report. */
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "area_code")
    public String areaCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind resolution;

    @Column(nullable = false)
    public String text;

    @Column(name = "resolved_on", nullable = false)
    public LocalDate resolvedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
