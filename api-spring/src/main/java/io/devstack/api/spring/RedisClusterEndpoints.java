package io.devstack.api.spring;

import io.devstack.common.service.RedisClusterService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Redis cluster's nodes, slots and CLUSTER INFO, and INFO of one node by name. */
@RestController
class RedisClusterEndpoints {

    private final RedisClusterService redisCluster;

    RedisClusterEndpoints(RedisClusterService redisCluster) {
        this.redisCluster = redisCluster;
    }

    @GetMapping("/redis/cluster/nodes")
    ResponseEntity<byte[]> nodes() {
        return Responses.write(redisCluster.nodes());
    }

    @GetMapping("/redis/cluster/slots")
    ResponseEntity<byte[]> slots() {
        return Responses.write(redisCluster.slots());
    }

    @GetMapping("/redis/cluster/info")
    ResponseEntity<byte[]> info() {
        return Responses.write(redisCluster.info());
    }

    @GetMapping("/redis/nodes/{node_name}/info")
    ResponseEntity<byte[]> nodeInfo(@PathVariable("node_name") String nodeName) {
        return Responses.write(redisCluster.nodeInfo(nodeName));
    }
}
