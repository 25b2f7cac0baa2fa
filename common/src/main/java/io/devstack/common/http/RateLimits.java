package io.devstack.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Per-client-IP request budgets of docs/api-contract.md: {@code GET /} 100/minute, {@code GET /metrics} 1000/minute.
 * Each (route, IP) pair owns a fixed one-minute window held in a Caffeine cache and evicted after a
 * window of idleness, so the table stays bounded by the clients actually seen. A fixed window (rather than
 * a token bucket) makes X-RateLimit-Remaining and X-RateLimit-Reset exact and easy to read.
 *
 * <p>Allowed responses on a limited route carry X-RateLimit-Limit/Remaining/Reset too, so a client can pace
 * itself before it meets a 429; other routes carry none.
 */
public final class RateLimits {

    /** The budget of one route. */
    public record Limit(int requests, Duration window) {}

    /** The outcome of taking one request from a budget. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, int windowSeconds) {
        public Map<String, String> headers() {
            return RateLimitHeaders.of(limit, remaining, resetSeconds);
        }

        public RateLimitedException rejection() {
            return new RateLimitedException(limit, windowSeconds, resetSeconds);
        }
    }

    public static final Map<String, Limit> CONTRACT_LIMITS = Map.of(
            "/", new Limit(100, Duration.ofMinutes(1)),
            "/metrics", new Limit(1000, Duration.ofMinutes(1)));

    private final Map<String, Limit> limits;
    private final LongSupplier nanoTime;
    private final Cache<String, Window> windows;

    public RateLimits() {
        this(CONTRACT_LIMITS, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock (tests pass a fake one) */
    public RateLimits(Map<String, Limit> limits, LongSupplier nanoTime) {
        this.limits = Map.copyOf(limits);
        this.nanoTime = nanoTime;
        Duration longest = limits.values().stream()
                .map(Limit::window)
                .max(Duration::compareTo)
                .orElse(Duration.ofMinutes(1));
        this.windows = Caffeine.newBuilder()
                .expireAfterAccess(longest)
                .ticker(nanoTime::getAsLong)
                .maximumSize(100_000)
                .build();
    }

    /**
     * The decision for one request on {@code routeTemplate} from {@code clientIp}; empty when the route is not limited.
     */
    public Optional<Decision> acquire(String method, String routeTemplate, String clientIp) {
        Limit limit = limits.get(routeTemplate);
        if (limit == null || !"GET".equals(method)) {
            return Optional.empty();
        }
        Window window = windows.get(routeTemplate + " " + clientIp, k -> new Window());
        return Optional.of(window.take(limit, nanoTime.getAsLong()));
    }

    private static final class Window {
        private long start = Long.MIN_VALUE;
        private int used;

        synchronized Decision take(Limit limit, long now) {
            long length = limit.window().toNanos();
            if (start == Long.MIN_VALUE || now - start >= length) {
                start = now;
                used = 0;
            }
            long resetSeconds = Math.max(1, ceilSeconds(start + length - now));
            int windowSeconds = (int) limit.window().toSeconds();
            if (used >= limit.requests()) {
                return new Decision(false, limit.requests(), 0, resetSeconds, windowSeconds);
            }
            used++;
            return new Decision(true, limit.requests(), limit.requests() - used, resetSeconds, windowSeconds);
        }

        private static long ceilSeconds(long nanos) {
            return (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }
}
