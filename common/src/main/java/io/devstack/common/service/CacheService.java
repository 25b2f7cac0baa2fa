package io.devstack.common.service;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.CacheSetInput;
import io.devstack.common.http.Parameters;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.lettuce.core.SetArgs;

/** Behind {@code CacheEndpoints}: GET/SET/DEL of one key on the Redis cluster, whatever node owns its slot. */
public final class CacheService {

    /** {@code GET /examples/cache/{key}}; {@code ttl} in seconds, null without expiry or key. */
    public record Entry(String key, String value, boolean exists, Long ttl) {}

    /** {@code POST /examples/cache/{key}}. */
    public record Stored(String key, String value, Integer ttl, String action) {}

    /** {@code DELETE /examples/cache/{key}}. */
    public record Deleted(String key, boolean deleted, String action) {}

    private record ValueAndTtl(String value, long ttl) {}

    private final BackendCalls calls;
    private final RedisBackend redis;
    private final ApiMetrics metrics;

    public CacheService(BackendCalls calls, RedisBackend redis, ApiMetrics metrics) {
        this.calls = calls;
        this.redis = redis;
        this.metrics = metrics;
    }

    public ApiResponse get(String key) {
        Parameters.check().cacheKey(key).throwIfInvalid();
        ValueAndTtl found = calls.call(
                Backend.REDIS,
                "get",
                () -> redis.cluster(commands -> new ValueAndTtl(commands.get(key), commands.ttl(key))));
        boolean exists = found.value() != null;
        metrics.recordCacheRequest("redis", exists ? "hit" : "miss");
        // TTL answers -1 for a key without expiry and -2 for a missing key
        Long ttl = exists && found.ttl() >= 0 ? found.ttl() : null;
        return ApiResponse.ok(new Entry(key, found.value(), exists, ttl));
    }

    public ApiResponse set(String key, String queryValue, String queryTtl, String contentType, byte[] body) {
        CacheSetInput input = CacheSetInput.parse(key, queryValue, queryTtl, contentType, body);
        calls.call(
                Backend.REDIS,
                "set",
                () -> redis.cluster(commands -> input.ttl() == null
                        ? commands.set(input.key(), input.value())
                        : commands.set(input.key(), input.value(), SetArgs.Builder.ex(input.ttl()))));
        return ApiResponse.ok(new Stored(input.key(), input.value(), input.ttl(), "set"));
    }

    public ApiResponse delete(String key) {
        Parameters.check().cacheKey(key).throwIfInvalid();
        long removed = calls.call(Backend.REDIS, "delete", () -> redis.cluster(commands -> commands.del(key)));
        return ApiResponse.ok(new Deleted(key, removed > 0, "delete"));
    }
}
