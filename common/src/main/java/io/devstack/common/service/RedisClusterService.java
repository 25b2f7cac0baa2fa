package io.devstack.common.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.ResourceNotFoundException;
import io.devstack.common.redis.ClusterNode;
import io.devstack.common.redis.ClusterNodesParser;
import io.devstack.common.redis.InfoParser;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.redis.RedisNodeAddress;
import io.devstack.common.redis.SlotDistribution;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
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

    private final BackendCalls calls;
    private final RedisBackend redis;

    public RedisClusterService(BackendCalls calls, RedisBackend redis) {
        this.calls = calls;
        this.redis = redis;
    }

    public ApiResponse nodes() {
        List<ClusterNode> nodes = clusterNodes();
        return ApiResponse.ok(new Nodes("success", nodes.size(), nodes));
    }

    public ApiResponse slots() {
        return ApiResponse.ok(SlotDistribution.of(clusterNodes()));
    }

    public ApiResponse info() {
        String text = calls.call(Backend.REDIS, "cluster_info", () -> redis.onAnyNode(c -> c.clusterInfo()));
        return ApiResponse.ok(new ClusterInfo("success", InfoParser.parse(text)));
    }

    /** INFO of the node named {@code nodeName} in {@code REDIS_NODES}; 404 for a name not configured. */
    public ApiResponse nodeInfo(String nodeName) {
        RedisNodeAddress node =
                redis.node(nodeName).orElseThrow(() -> new ResourceNotFoundException("redis_node", nodeName));
        String text = calls.call(Backend.REDIS, "node_info", () -> redis.onNode(node, c -> c.info()));
        return ApiResponse.ok(new NodeInfo("success", node.name(), InfoParser.parse(text)));
    }

    private List<ClusterNode> clusterNodes() {
        String text = calls.call(Backend.REDIS, "cluster_nodes", () -> redis.onAnyNode(c -> c.clusterNodes()));
        return ClusterNodesParser.parse(text);
    }
}
