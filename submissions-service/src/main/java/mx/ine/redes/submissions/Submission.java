package mx.ine.redes.submissions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The statistics one account submitted for one request: the head of its versions. A correction
 * adds a {@link SubmissionVersion} and moves {@link #currentVersion}, under this row's lock.
 */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false, unique = true)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(nullable = false)
    public String network;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "first_received_at", nullable = false)
    public Instant firstReceivedAt;

    @Column(name = "last_received_at", nullable = false)
    public Instant lastReceivedAt;

    /** Whether the first version arrived after the request's deadline as it stood then. */
    @Column(nullable = false)
    public boolean late;

    /** Whether the current version has warnings. */
    @Column(name = "has_warnings", nullable = false)
    public boolean hasWarnings;
}
