package io.devstack.common.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The lettuce connections opened with one password: a cluster connection (follows MOVED/ASK, so every key works
 * whatever node owns its slot) and one standalone connection per configured node (per-node INFO and health).
 * Opened lazily (a node that cannot be reached at first is tried again on next use) and reconnected by lettuce
 * after a node restart. Rebuilt as a whole when the password changes.
 */
final class RedisConnections implements AutoCloseable {

    private final String password;
    private final Duration timeout;
    private final RedisClusterClient clusterClient;
    private final RedisClient nodeClient;
    private final Map<String, StatefulRedisConnection<String, String>> nodeConnections = new ConcurrentHashMap<>();
    private volatile StatefulRedisClusterConnection<String, String> cluster;

    RedisConnections(List<RedisNodeAddress> nodes, String password, Duration timeout, ClientResources resources) {
        this.password = password;
        this.timeout = timeout;
        SocketOptions socket = SocketOptions.builder().connectTimeout(timeout).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(timeout);
        this.clusterClient = RedisClusterClient.create(
                resources, nodes.stream().map(this::uri).toList());
        clusterClient.setOptions(ClusterClientOptions.builder()
                .socketOptions(socket)
                .timeoutOptions(timeouts)
                // no REJECT_COMMANDS here: the cluster opens node connections on demand, and a command routed to
                // one still connecting would be rejected; a command for a down node ends at the command timeout
                // announced addresses are mapped to configured ones by the resolver; do not drop "unknown" nodes
                .validateClusterNodeMembership(false)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(Duration.ofSeconds(30))
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build());
        this.nodeClient = RedisClient.create(resources);
        nodeClient.setOptions(ClientOptions.builder()
                .socketOptions(socket)
                .timeoutOptions(timeouts)
                // node connections are opened synchronously; while a node is down, fail fast instead of queueing
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }

    StatefulRedisClusterConnection<String, String> cluster() {
        StatefulRedisClusterConnection<String, String> connection = cluster;
        if (connection == null) {
            synchronized (this) {
                if (cluster == null) {
                    cluster = clusterClient.connect();
                }
                connection = cluster;
            }
        }
        return connection;
    }

    /** The cluster connection when it is open already; empty before the first {@link #cluster()}. */
    Optional<StatefulRedisClusterConnection<String, String>> openCluster() {
        return Optional.ofNullable(cluster);
    }

    StatefulRedisConnection<String, String> node(RedisNodeAddress node) {
        return nodeConnections.computeIfAbsent(node.name(), name -> nodeClient.connect(uri(node)));
    }

    private RedisURI uri(RedisNodeAddress node) {
        return RedisURI.builder()
                .withHost(node.host())
                .withPort(node.port())
                .withPassword(password.toCharArray())
                .withTimeout(timeout)
                .build();
    }

    @Override
    public void close() {
        nodeConnections.values().forEach(StatefulRedisConnection::closeAsync);
        nodeConnections.clear();
        if (cluster != null) {
            cluster.closeAsync();
        }
        nodeClient.shutdownAsync(0, 2, TimeUnit.SECONDS);
        clusterClient.shutdownAsync(0, 2, TimeUnit.SECONDS);
    }
}
