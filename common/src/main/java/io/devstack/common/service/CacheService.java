package io.devstack.common.service;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.CacheSetInput;
import io.devstack.common.http.Parameters;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.redis.RedisBackend;

/** Behind {@code CacheEndpoints}: GET/SET/DEL of one key on the Redis cluster, whatever node owns its slot. */
public final class CacheService {

    /** {@code GET /examples/cache/{key}}; {@code ttl} in seconds, null without expiry or key. */
    public record Entry(String key, String value, boolean exists, Long ttl) {}

    /** {@code POST /examples/cache/{key}}. */
    public record Stored(String key, String value, Integer ttl, String action) {}

    /** {@code DELETE /examples/cache/{key}}. */
    public record Deleted(String key, boolean deleted, String action) {}

    private final RedisBackend redis;
    private final ApiMetrics metrics;

    public CacheService(RedisBackend redis, ApiMetrics metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    public ApiResponse get(String key) {
        Parameters.check().cacheKey(key).throwIfInvalid();
        RedisBackend.CachedValue found = redis.get(key);
        boolean exists = found.value() != null;
        metrics.recordCacheRequest("redis", exists ? "hit" : "miss");
        return ApiResponse.ok(new Entry(key, found.value(), exists, found.ttlSeconds()));
    }

    public ApiResponse set(String key, String queryValue, String queryTtl, String contentType, byte[] body) {
        CacheSetInput input = CacheSetInput.parse(key, queryValue, queryTtl, contentType, body);
        redis.set(input.key(), input.value(), input.ttl());
        return ApiResponse.ok(new Stored(input.key(), input.value(), input.ttl(), "set"));
    }

    public ApiResponse delete(String key) {
        Parameters.check().cacheKey(key).throwIfInvalid();
        return ApiResponse.ok(new Deleted(key, redis.delete(key), "delete"));
    }
}
