package mx.ine.redes.accounts;

import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** With the safety-net poll set to an hour, only the after-commit wake-up can deliver in time. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestProfile(RelayWakeUpTest.SlowPoll.class)
class RelayWakeUpTest {

    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.relay.poll-interval", "1h");
        }
    }

    @Test
    void shouldPublishRightAfterCommitWithoutWaitingForThePoll() {
        String areaCode = registerArea();
        // The relay's first idle wait starts at startup; a commit must cut it short.
        String id = registerAccount(areaCode, unique("wake"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, id)).hasSize(1));
    }
}
