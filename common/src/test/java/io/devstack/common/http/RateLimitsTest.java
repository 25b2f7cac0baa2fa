package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimits limits = new RateLimits(RateLimits.CONTRACT_LIMITS, now::get);

    @Test
    void the100thRequestPassesAndThe101stIsRejected() {
        for (int i = 1; i <= 99; i++) {
            assertThat(limits.acquire("GET", "/", "10.0.0.1").orElseThrow().allowed())
                    .isTrue();
        }
        RateLimits.Decision hundredth = limits.acquire("GET", "/", "10.0.0.1").orElseThrow();
        assertThat(hundredth.allowed()).isTrue();
        assertThat(hundredth.headers())
                .containsEntry("X-RateLimit-Limit", "100")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", "60");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(17_500));
        RateLimits.Decision rejected = limits.acquire("GET", "/", "10.0.0.1").orElseThrow();
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.resetSeconds()).isEqualTo(43);
        assertThat(rejected.rejection().headers())
                .containsEntry("Retry-After", "43")
                .containsEntry("X-RateLimit-Limit", "100")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", "43");
    }

    @Test
    void eachClientIpAndRouteHasItsOwnBudget() {
        for (int i = 0; i < 100; i++) {
            limits.acquire("GET", "/", "10.0.0.1");
        }
        assertThat(limits.acquire("GET", "/", "10.0.0.1").orElseThrow().allowed())
                .isFalse();
        assertThat(limits.acquire("GET", "/", "10.0.0.2").orElseThrow().allowed())
                .isTrue();
        assertThat(limits.acquire("GET", "/metrics", "10.0.0.1").orElseThrow().remaining())
                .isEqualTo(999);
    }

    @Test
    void theBudgetRefillsWhenTheWindowEnds() {
        for (int i = 0; i < 101; i++) {
            limits.acquire("GET", "/", "10.0.0.1");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        RateLimits.Decision decision = limits.acquire("GET", "/", "10.0.0.1").orElseThrow();
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isEqualTo(99);
    }

    @Test
    void metricsAllows1000PerMinute() {
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.acquire("GET", "/metrics", "::1").orElseThrow().allowed())
                    .isTrue();
        }
        assertThat(limits.acquire("GET", "/metrics", "::1").orElseThrow().allowed())
                .isFalse();
    }

    @Test
    void otherRoutesAreNotLimited() {
        assertThat(limits.acquire("GET", "/health/", "10.0.0.1")).isEmpty();
        assertThat(limits.acquire("POST", "/", "10.0.0.1")).isEmpty();
    }
}
