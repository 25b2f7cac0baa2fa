package io.devstack.common.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.ResourceNotFoundException;
import io.devstack.common.redis.ClusterNode;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.redis.RedisNodeAddress;
import io.devstack.common.redis.SlotDistribution;
import java.util.List;
import java.util.Map;

/**
 * Behind {@code RedisClusterEndpoints}: CLUSTER NODES / SLOTS / INFO and per-node INFO in the exact shapes of
 * docs/api-contract.md, numbers as numbers. Cluster-wide reads ask the first node that answers; a failure is a 503.
 */
public final class RedisClusterService {

    public record Nodes(
            String status, @JsonProperty("total_nodes") int totalNodes, List<ClusterNode> nodes) {}

    public record ClusterInfo(
            String status, @JsonProperty("cluster_info") Map<String, Object> clusterInfo) {}

    public record NodeInfo(String status, String node, Map<String, Object> info) {}

    private final RedisBackend redis;

    public RedisClusterService(RedisBackend redis) {
        this.redis = redis;
    }

    public ApiResponse nodes() {
        List<ClusterNode> nodes = redis.clusterNodes();
        return ApiResponse.ok(new Nodes("success", nodes.size(), nodes));
    }

    public ApiResponse slots() {
        return ApiResponse.ok(SlotDistribution.of(redis.clusterNodes()));
    }

    public ApiResponse info() {
        return ApiResponse.ok(new ClusterInfo("success", redis.clusterInfo()));
    }

    /** INFO of the node named {@code nodeName} in {@code REDIS_NODES}; 404 for a name not configured. */
    public ApiResponse nodeInfo(String nodeName) {
        RedisNodeAddress node =
                redis.node(nodeName).orElseThrow(() -> new ResourceNotFoundException("redis_node", nodeName));
        return ApiResponse.ok(new NodeInfo("success", node.name(), redis.nodeInfo(node)));
    }
}
