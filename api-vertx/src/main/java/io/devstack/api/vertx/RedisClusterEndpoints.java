package io.devstack.api.vertx;

import io.devstack.common.service.RedisClusterService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /redis/cluster/nodes|slots|info} and {@code /redis/nodes/{node_name}/info}. */
final class RedisClusterEndpoints {

    private final RedisClusterService redisCluster;
    private final Offload offload;

    RedisClusterEndpoints(RedisClusterService redisCluster, Offload offload) {
        this.redisCluster = redisCluster;
        this.offload = offload;
    }

    void mount(Router router) {
        router.get("/redis/cluster/nodes").handler(ctx -> offload.respond(ctx, redisCluster::nodes));
        router.get("/redis/cluster/slots").handler(ctx -> offload.respond(ctx, redisCluster::slots));
        router.get("/redis/cluster/info").handler(ctx -> offload.respond(ctx, redisCluster::info));
        router.get("/redis/nodes/:node_name/info").handler(this::nodeInfo);
    }

    private void nodeInfo(RoutingContext ctx) {
        String nodeName = ctx.pathParam("node_name");
        offload.respond(ctx, () -> redisCluster.nodeInfo(nodeName));
    }
}
