package mx.ine.redes.submissions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.SubmissionReceived;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a submission, exactly as declared: never changed or deleted (the table's trigger
 * refuses it too). Version 1 is the submission, each later one a correction.
 */
@Entity
@Immutable
@Table(name = "submission_version")
@IdClass(SubmissionVersion.Key.class)
public class SubmissionVersion extends PanacheEntityBase {

    /** The identity: submission and version number. */
    public static class Key implements Serializable {
        public UUID submissionId;
        public int version;

        public Key() {
        }

        public Key(UUID submissionId, int version) {
            this.submissionId = submissionId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && java.util.Objects.equals(key.submissionId, submissionId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(submissionId, version);
        }
    }

    /** A warning as stored: what a person reads in Spanish and in English. */
    public record StoredWarning(String code, List<String> fields, String es, String en) {
    }

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Id
    public int version;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(nullable = false)
    public boolean late;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Long> figures = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public SubmissionReceived.Audience audience;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SubmissionReceived.CampaignPosts> campaigns = new ArrayList<>();

    @Column(name = "last_publication_on")
    public LocalDate lastPublicationOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StoredWarning> warnings = new ArrayList<>();

    @Column(name = "answers_observation_id")
    public UUID answersObservationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SubmissionReceived.EvidenceFile> evidence = new ArrayList<>();

    @Column(name = "entered_by", nullable = false)
    public String enteredBy;

    @Column(name = "on_behalf", nullable = false)
    public boolean onBehalf;

    public String channel;

    @Column(name = "document_reference")
    public String documentReference;

}
