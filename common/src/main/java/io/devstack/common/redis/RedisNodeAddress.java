package io.devstack.common.redis;

/** One configured Redis cluster node: its name in {@code REDIS_NODES} (e.g. {@code redis-1}) and address. */
public record RedisNodeAddress(String name, String host, int port) {}
