package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An e-mail to send, or sent: the instant it left is kept, because deadlines count from it. Whom
 * it goes to is decided when it leaves ({@link #audience}, from the registry as it is then);
 * {@link #recipients} then records who really was told.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients;

    /** Who was really copied when it left: the area's liaison (Art. 9) on a notice to the administrators. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> cc = new java.util.ArrayList<>();

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "account_id")
    public UUID accountId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "\"values\"", nullable = false)
    public Map<String, String> values;

    /** {@code QUEUED}, {@code SENDING} (claimed while SMTP is talked to), {@code SENT}, {@code HELD} (nobody to tell yet) or {@code CANCELLED}. */
    @Column(nullable = false)
    public String status;

    /** {@code ADMINISTRATORS}, {@code AREA_HEAD}, {@code CNCS}, {@code TOLD_OF_CHAIN} or {@code FIXED} (the recipients given). */
    @Column(nullable = false)
    public String audience = "FIXED";

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** Sent, and what follows from it (a term starting) is still to be recorded. */
    @Column(name = "follow_up_pending", nullable = false)
    public boolean followUpPending;

    @Column(name = "cancelled_reason")
    public String cancelledReason;

    /** The text as it left. */
    public String subject;

    public String body;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** An instant the notice stated as it left (e.g. {@code dueAtInstant}), else {@code fallback}. */
    public Instant statedInstant(String key, Instant fallback) {
        String value = values == null ? null : values.get(key);
        return value == null ? fallback : Instant.parse(value);
    }
}
