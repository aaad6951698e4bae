package mx.ine.redes.accounts;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Small relay, retention and bulk-work batches, so that a few dozen rows span many batches (and concurrent
 * relays really compete), and the relay's producer that can fail part-way through a batch.
 */
public class SmallBatches implements QuarkusTestProfile {

    static final int RELAY_BATCH = 5;
    static final int RETENTION_BATCH = 4;
    static final int BULK_CHUNK = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("outbox.relay.batch-size", String.valueOf(RELAY_BATCH),
                "retention.batch-size", String.valueOf(RETENTION_BATCH),
                "registry.bulk.chunk-size", String.valueOf(BULK_CHUNK));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedProducerFactory.class);
    }
}
