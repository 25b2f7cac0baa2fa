package io.devstack.common.redis;

import java.util.List;

/** One configured Redis cluster node: its name in {@code REDIS_NODES} (e.g. {@code redis-1}) and address. */
public record RedisNodeAddress(String name, String host, int port) {

    /** The local stack's three nodes: the default of {@code REDIS_NODES}, names as the stack and Vault know them. */
    public static final List<RedisNodeAddress> LOCAL_CLUSTER = List.of(
            new RedisNodeAddress("redis-1", "127.0.0.1", 6379),
            new RedisNodeAddress("redis-2", "127.0.0.1", 6380),
            new RedisNodeAddress("redis-3", "127.0.0.1", 6381));

    /** {@code name=host:port}, one entry of {@code REDIS_NODES}. */
    public String asSetting() {
        return name + "=" + host + ":" + port;
    }
}
