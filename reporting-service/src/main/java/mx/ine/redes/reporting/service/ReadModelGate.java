package mx.ine.redes.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import mx.ine.redes.support.consumer.ConsumptionStoppedException;

/**
 * Who writes the read model in this instance: the live consumers, each record on its own, or a rebuild,
 * alone. A rebuild waits for the records being applied to finish and holds every live consumer before
 * its next record until it is done; the consumers then go on from where they were, and the inbox skips
 * what the rebuild already applied. (A lock rather than SmallRye's pausable channels: pausing a channel
 * stops its requests but does not tell when the record in flight is done, and would need each channel
 * configured as pausable.)
 */
@ApplicationScoped
public class ReadModelGate {

    // Fair: a rebuild waiting for the gate is not overtaken by the consumers' next records.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** Runs one live record's consumption, after any rebuild this instance is running. */
    public void consumeLive(String consumer, Runnable consumption) {
        try {
            lock.readLock().lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumptionStoppedException(consumer + " stops while a rebuild holds the read model; the record is left"
                    + " unacknowledged");
        }
        try {
            consumption.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Holds the read model for a rebuild, once the records being applied now are done. */
    void close() throws InterruptedException {
        lock.writeLock().lockInterruptibly();
    }

    void open() {
        if (lock.isWriteLockedByCurrentThread()) {
            lock.writeLock().unlock();
        }
    }

    /**
     * Holds the live consumers on this thread until the hold is closed (a rebuild run on the same thread
     * within it proceeds): for loading the topics before a rebuild without the consumers applying them first.
     */
    public Hold hold() throws InterruptedException {
        close();
        return this::open;
    }

    /** A hold on the live consumers; closing it lets them go on. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
