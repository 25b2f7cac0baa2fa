package io.devstack.common.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.service.HealthBodies.RedisNodeUnhealthy;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bodies' keys, order and null handling as docs/api-contract.md writes them. */
class ServiceBodiesTest {

    @Test
    void anAbsentQueueHasNullCounts() {
        assertThat(ApiResponse.ok(new MessagingService.QueueInfo("q", false, null, null))
                        .bodyText())
                .isEqualTo("{\"queue\":\"q\",\"exists\":false,\"message_count\":null,\"consumer_count\":null}");
    }

    @Test
    void aMissingCacheKeyHasNullValueAndTtl() {
        assertThat(ApiResponse.ok(new CacheService.Entry("k", null, false, null))
                        .bodyText())
                .isEqualTo("{\"key\":\"k\",\"value\":null,\"exists\":false,\"ttl\":null}");
        assertThat(ApiResponse.ok(new CacheService.Stored("k", "v", null, "set"))
                        .bodyText())
                .isEqualTo("{\"key\":\"k\",\"value\":\"v\",\"ttl\":null,\"action\":\"set\"}");
    }

    @Test
    void aFailingRedisNodeKeepsEveryKeyWithNulls() {
        RedisNodeUnhealthy node = new RedisNodeUnhealthy(
                "redis-2", "127.0.0.1", 6380, "unhealthy", null, null, null, null, "Node connection failed");

        assertThat(ApiResponse.ok(new HealthBodies.RedisHealth("degraded", true, "ok", List.of(node), 3))
                        .bodyText())
                .isEqualTo("{\"status\":\"degraded\",\"cluster_enabled\":true,\"cluster_state\":\"ok\",\"nodes\":["
                        + "{\"name\":\"redis-2\",\"host\":\"127.0.0.1\",\"port\":6380,\"status\":\"unhealthy\","
                        + "\"version\":null,\"role\":null,\"connected_clients\":null,\"used_memory_human\":null,"
                        + "\"error\":\"Node connection failed\"}],\"total_nodes\":3}");
    }

    @Test
    void postgresTimestampsAreUtcMicrosecondsWithZ() {
        assertThat(DatabaseService.utcMicros(OffsetDateTime.parse("2026-11-28T19:42:51.1234+01:00")))
                .isEqualTo("2026-11-28T18:42:51.123400Z");
    }

    @Test
    void onlyTheNoCacheDirectiveBypassesTheHealthCache() {
        assertThat(HealthService.bypassesCache("no-cache")).isTrue();
        assertThat(HealthService.bypassesCache("max-age=0, No-Cache")).isTrue();
        assertThat(HealthService.bypassesCache("no-store")).isFalse();
        assertThat(HealthService.bypassesCache(null)).isFalse();
    }
}
