package io.devstack.api.helidon;

import io.devstack.common.service.RedisClusterService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /redis/cluster/nodes|slots|info} and {@code /redis/nodes/{node_name}/info}. */
final class RedisClusterEndpoints implements HttpService {

    private final RedisClusterService redis;

    RedisClusterEndpoints(RedisClusterService redis) {
        this.redis = redis;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/redis/cluster/nodes", this::nodes)
                .get("/redis/cluster/slots", this::slots)
                .get("/redis/cluster/info", this::info)
                .get("/redis/nodes/{node_name}/info", this::nodeInfo);
    }

    private void nodes(ServerRequest req, ServerResponse res) {
        Responses.write(res, redis.nodes());
    }

    private void slots(ServerRequest req, ServerResponse res) {
        Responses.write(res, redis.slots());
    }

    private void info(ServerRequest req, ServerResponse res) {
        Responses.write(res, redis.info());
    }

    private void nodeInfo(ServerRequest req, ServerResponse res) {
        Responses.write(res, redis.nodeInfo(Responses.pathParam(req, "node_name")));
    }
}
