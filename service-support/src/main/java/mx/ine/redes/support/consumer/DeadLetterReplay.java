package mx.ine.redes.support.consumer;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import mx.ine.redes.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Replays parked records through the handler of the consumer that parked them, once the cause is
 * fixed (a new version that reads them, a corrected producer). The handler goes through the inbox,
 * so an event that meanwhile arrived again is not applied twice.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final int BATCH = 100;

    /** How a replay of every parked record went. */
    public record Outcome(int replayed, int stillParked) {
    }

    @Inject
    DeadLetterStore store;

    @Inject
    DeadLetterGauges gauges;

    @Inject
    @All
    List<RecordHandler> handlers;

    /**
     * @return the record after the replay: replayed, or still parked with the replay's error
     * @throws ProblemException 404 if there is no such record, 409 if it was already replayed
     */
    public DeadLetter replay(long id) {
        DeadLetter letter = store.find(id)
                .orElseThrow(() -> ProblemException.notFound("No existe el registro detenido " + id + "."));
        if (letter.replayedAt() != null) {
            throw ProblemException.conflict("El registro detenido " + id + " ya fue reprocesado el "
                    + letter.replayedAt() + ".");
        }
        attempt(letter);
        gauges.refresh();
        return store.find(id).orElseThrow();
    }

    /** Replays every record still parked, in parking order; one that fails again stays parked. */
    public Outcome replayAll() {
        int replayed = 0;
        int stillParked = 0;
        long after = 0;
        for (List<Long> ids = store.parkedIds(after, BATCH); !ids.isEmpty(); ids = store.parkedIds(after, BATCH)) {
            for (long id : ids) {
                Optional<DeadLetter> letter = store.find(id).filter(found -> found.replayedAt() == null);
                if (letter.isPresent()) {
                    if (attempt(letter.get())) {
                        replayed++;
                    } else {
                        stillParked++;
                    }
                }
                after = id;
            }
        }
        gauges.refresh();
        return new Outcome(replayed, stillParked);
    }

    /** @return whether the record was applied; if not, its error is kept on it */
    private boolean attempt(DeadLetter letter) {
        Optional<RecordHandler> handler = handlers.stream()
                .filter(candidate -> candidate.consumerName().equals(letter.consumer()))
                .findFirst();
        if (handler.isEmpty()) {
            store.recordReplayError(letter.id(), "Este servicio ya no tiene el consumidor " + letter.consumer() + ".");
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> store.lockParked(letter.id()).ifPresent(entry -> {
                handler.get().apply(entry.value);
                store.markReplayed(entry);
            }));
            LOG.infof("%s replayed dead letter %d (%s-%d@%d)", letter.consumer(), letter.id(), letter.topic(),
                    letter.partition(), letter.offset());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s could not replay dead letter %d", letter.consumer(), letter.id());
            store.recordReplayError(letter.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }
}
