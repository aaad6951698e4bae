package mx.ine.redes.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static RateLimiter limiter(int perMinute, int maxTrackedClients, Clock clock) {
        return new RateLimiter("prueba.rate-limit", perMinute, maxTrackedClients, Optional.empty(), clock);
    }

    @Test
    void shouldAllowAMinutesBurstThenOneRequestPerSecondPerMinuteAllowance() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = limiter(60, 1000, clock);

        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("203.0.113.5")).isZero();
        }
        assertThat(limiter.acquire("203.0.113.5")).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.acquire("203.0.113.5")).isZero();
        assertThat(limiter.acquire("203.0.113.5")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldCountAnIpv6SubscriberByItsSlash64() {
        RateLimiter limiter = limiter(2, 1000, new ManualClock());

        assertThat(limiter.acquire("2001:db8:1:2::1")).isZero();
        assertThat(limiter.acquire("2001:db8:1:2:ffff:ffff:ffff:ffff")).isZero();
        assertThat(limiter.acquire("2001:db8:1:2:abcd::9")).isPositive();
        assertThat(limiter.acquire("2001:db8:1:3::1")).isZero();
    }

    @Test
    void shouldForgetTheLeastRecentlySeenClientBeyondItsCapacityKeepingTheOthers() {
        RateLimiter limiter = limiter(1, 3, new ManualClock());

        assertThat(limiter.acquire("192.0.2.1")).isZero();
        assertThat(limiter.acquire("192.0.2.2")).isZero();
        assertThat(limiter.acquire("192.0.2.3")).isZero();
        assertThat(limiter.acquire("192.0.2.1")).isPositive(); // seen again: now the most recent
        assertThat(limiter.acquire("192.0.2.4")).isZero();     // evicts 192.0.2.2, the least recent
        assertThat(limiter.trackedClients()).isEqualTo(3);

        assertThat(limiter.acquire("192.0.2.1")).as("kept, still empty").isPositive();
        assertThat(limiter.acquire("192.0.2.3")).as("kept, still empty").isPositive();
        assertThat(limiter.acquire("192.0.2.2")).as("forgotten: a fresh bucket").isZero();
    }

    @Test
    void shouldTakeTheLastUntrustedHopFromTheRight() {
        ClientAddress clients = new ClientAddress(Optional.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48", "127.0.0.1")));

        assertThat(clients.of("10.1.2.3", "1.1.1.1, 198.51.100.7, 10.9.9.9")).isEqualTo("198.51.100.7");
        assertThat(clients.of("10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(clients.of("2001:db8:ffff::1", "[2001:db8:1::5]:443")).isEqualTo("2001:db8:1:0:0:0:0:5");
        // Every hop a trusted proxy: the leftmost.
        assertThat(clients.of("127.0.0.1", "10.0.0.5, 10.0.0.6")).isEqualTo("10.0.0.5");
        // Not from a trusted proxy: the header is the client's own invention.
        assertThat(clients.of("198.51.100.9", "1.2.3.4")).isEqualTo("198.51.100.9");
        // Garbage in the header stops the walk at the last hop a trusted proxy vouched for.
        assertThat(clients.of("10.1.2.3", "1.2.3.4, nombre.example, 10.0.0.7")).isEqualTo("10.0.0.7");
    }

    @Test
    void shouldIgnoreForwardedForWithoutTrustedProxies() {
        assertThat(new ClientAddress(Optional.empty()).of("198.51.100.9", "1.2.3.4")).isEqualTo("198.51.100.9");
    }

    @Test
    void shouldGroupAddressesAsTheLimitCountsThem() {
        assertThat(ClientAddress.group("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.group("2001:DB8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void shouldNameTheLimitsSettingWhenATrustedProxyIsNotAnAddress() {
        assertThatThrownBy(() -> new RateLimiter("open-data.rate-limit", 60, 10, Optional.of(List.of("proxy.example")),
                new ManualClock()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("open-data.rate-limit.trusted-proxies: not an address: proxy.example");
    }
}
