package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.RedisClusterService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /redis/cluster/{nodes|slots|info}} and {@code /redis/nodes/{node_name}/info}. */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class RedisClusterEndpoints {

    private final RedisClusterService redisCluster;

    RedisClusterEndpoints(ApiServices services) {
        this.redisCluster = services.redisCluster();
    }

    @Get("/redis/cluster/nodes")
    HttpResponse<byte[]> nodes() {
        return Responses.write(redisCluster.nodes());
    }

    @Get("/redis/cluster/slots")
    HttpResponse<byte[]> slots() {
        return Responses.write(redisCluster.slots());
    }

    @Get("/redis/cluster/info")
    HttpResponse<byte[]> info() {
        return Responses.write(redisCluster.info());
    }

    @Get("/redis/nodes/{node_name}/info")
    HttpResponse<byte[]> nodeInfo(@PathVariable("node_name") String nodeName) {
        return Responses.write(redisCluster.nodeInfo(nodeName));
    }
}
