package mx.ine.redes.support.consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code dead_letter} (db/support V0_2); written by {@link DeadLetterStore} only. */
@Entity
@Table(name = "dead_letter")
public class DeadLetterEntry {

    @Id
    public Long id;

    @Column(nullable = false)
    public String consumer;

    @Column(nullable = false)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(name = "record_key")
    public String key;

    @Column(name = "record_value")
    public String value;

    @Column(nullable = false)
    public String error;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    @Column(name = "last_replay_error")
    public String lastReplayError;

    DeadLetter view() {
        return new DeadLetter(id, consumer, topic, partition, offset, key, value, error, parkedAt, replayedAt,
                lastReplayError);
    }
}
