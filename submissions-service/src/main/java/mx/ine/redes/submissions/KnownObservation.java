package mx.ine.redes.submissions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An observation CNCS issued on an account (Art. 14): a correction may say it answers it. */
@Entity
@Table(name = "known_observation")
public class KnownObservation extends PanacheEntityBase {

    @Id
    @Column(name = "observation_id")
    public UUID observationId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
