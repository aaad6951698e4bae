package mx.ine.redes.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;

/**
 * Forgets the consumer-group members of the previous run. A service that did not leave its group
 * cleanly (killed, or stopped while a rebalance was still going on) stays a member in the broker's
 * stored state; when the broker comes back, a new member of that group waits for the old one's
 * session to time out (45 s by default) before it gets any partition, and the projections lag by that
 * much. Before the services start no member can be alive, so every member found is a leftover.
 */
final class StaleConsumers {

    private StaleConsumers() {
    }

    /** Removes all members of every consumer group; returns "group (n)" for each group cleaned. */
    static List<String> forget(String bootstrapServers) {
        List<String> cleaned = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(20, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId)
                    .toList();
            if (groups.isEmpty()) {
                return cleaned;
            }
            Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
                    .get(20, TimeUnit.SECONDS);
            for (ConsumerGroupDescription group : descriptions.values()) {
                if (group.members().isEmpty()) {
                    continue;
                }
                admin.removeMembersFromConsumerGroup(group.groupId(), new RemoveMembersFromConsumerGroupOptions())
                        .all().get(20, TimeUnit.SECONDS);
                cleaned.add(group.groupId() + " (" + group.members().size() + ")");
            }
            return cleaned;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while cleaning consumer groups", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("Cannot clean the previous run's consumer-group members: " + e, e);
        }
    }

    /**
     * Removes every member of one consumer group: before a killed service is started again, when no
     * instance of it runs, its members are the dead one's.
     */
    static void forgetGroup(String bootstrapServers, String groupId) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(20, TimeUnit.SECONDS).get(groupId);
            if (group != null && !group.members().isEmpty()) {
                admin.removeMembersFromConsumerGroup(groupId, new RemoveMembersFromConsumerGroupOptions())
                        .all().get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while cleaning consumer group " + groupId, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("Cannot forget the members of consumer group " + groupId + ": " + e, e);
        }
    }
}
