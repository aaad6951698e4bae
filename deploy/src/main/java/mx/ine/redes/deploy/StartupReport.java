package mx.ine.redes.deploy;

import java.time.Duration;
import java.util.List;

/**
 * What a start measured.
 *
 * @param toAllReady    from the launcher's start (the JVM's, when run from {@code main}) until every
 *                      service answered {@code /q/health/ready} with 200
 * @param postgres      starting PostgreSQL and making sure the four databases exist
 * @param kafka         starting the broker and creating the topics
 * @param services      per service: time from its launch to ready, and its resident memory then
 * @param demoData      loading the demo registry (zero when skipped)
 * @param launcherKiB   the launcher's own resident memory (it hosts the Kafka broker)
 * @param postgresKiB   PostgreSQL's memory: the PSS of the postmaster and its backends together
 */
public record StartupReport(
        Duration toAllReady,
        Duration postgres,
        Duration kafka,
        List<ServiceFigures> services,
        Duration demoData,
        long launcherKiB,
        long postgresKiB) {

    /** One service's figures. */
    public record ServiceFigures(String name, long pid, Duration toReady, long residentKiB) {
    }

    public long totalServicesKiB() {
        return services.stream().mapToLong(ServiceFigures::residentKiB).sum();
    }
}
