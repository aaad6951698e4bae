package mx.ine.redes.support.outbox;

/** Fired when an outbox row is written, so the relay can wake as soon as the transaction commits. */
public record OutboxMessageWritten(long outboxId) {
}
