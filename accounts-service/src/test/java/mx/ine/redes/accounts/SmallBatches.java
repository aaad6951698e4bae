package mx.ine.redes.accounts;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Small relay and retention batches, so that a few dozen rows span many batches (and concurrent
 * relays really compete), and the relay's producer that can fail part-way through a batch.
 */
public class SmallBatches implements QuarkusTestProfile {

    static final int RELAY_BATCH = 5;
    static final int RETENTION_BATCH = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("outbox.relay.batch-size", String.valueOf(RELAY_BATCH),
                "retention.batch-size", String.valueOf(RETENTION_BATCH));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedProducerFactory.class);
    }
}
