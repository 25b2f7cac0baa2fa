package io.devstack.api.javalin;

import io.devstack.common.service.RedisClusterService;
import io.javalin.http.Context;

/** {@code /redis/cluster/nodes|slots|info} and {@code /redis/nodes/{node_name}/info}. */
final class RedisClusterEndpoints {

    private final RedisClusterService redisCluster;

    RedisClusterEndpoints(RedisClusterService redisCluster) {
        this.redisCluster = redisCluster;
    }

    void nodes(Context ctx) {
        Responses.write(ctx, redisCluster.nodes());
    }

    void slots(Context ctx) {
        Responses.write(ctx, redisCluster.slots());
    }

    void info(Context ctx) {
        Responses.write(ctx, redisCluster.info());
    }

    void nodeInfo(Context ctx) {
        Responses.write(ctx, redisCluster.nodeInfo(ctx.pathParam("node_name")));
    }
}
