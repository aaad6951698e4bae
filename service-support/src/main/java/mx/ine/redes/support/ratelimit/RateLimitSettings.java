package mx.ine.redes.support.ratelimit;

import java.util.List;
import java.util.Optional;

/**
 * The settings of one named rate limit. A service maps them under its own prefix by extending this
 * interface in its {@code @ConfigMapping} (with its defaults): {@code registry.verification.*} in
 * accounts-service, {@code open-data.rate-limit.*} in reporting-service.
 */
public interface RateLimitSettings {

    /** Requests one client (an IPv4 address, an IPv6 /64) may make per minute; also the burst allowed. */
    int requestsPerMinute();

    /**
     * The proxies in front of the service (addresses or CIDR blocks, IPv4 or IPv6). A request from
     * one of them is attributed to the last address of {@code X-Forwarded-For} that is not one of
     * them (read from the right: the entries on the left are whatever the client wrote). None:
     * {@code X-Forwarded-For} is ignored.
     */
    Optional<List<String>> trustedProxies();

    /** How many clients' buckets are kept; beyond it the least recently seen is forgotten. */
    int maxTrackedClients();
}
