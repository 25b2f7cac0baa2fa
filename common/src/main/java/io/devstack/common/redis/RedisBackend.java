package io.devstack.common.redis;

import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.vault.CredentialedClient;
import io.devstack.common.vault.VaultSecrets;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.internal.HostAndPort;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.MappingSocketAddressResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Redis cluster as the API uses it: cluster-aware key commands, and per-node commands on the nodes of
 * {@code REDIS_NODES}. The password comes from Vault secret {@link #SECRET} (shared by the three nodes); a
 * WRONGPASS/NOAUTH answer re-reads it and reconnects. Blocking; every operation runs under the backend guard
 * ({@link BackendCalls}: deadline, circuit breaker, timing).
 */
public final class RedisBackend implements AutoCloseable {

    /** The nodes share one password, kept in the secret named after the first node. */
    public static final String SECRET =
            RedisNodeAddress.LOCAL_CLUSTER.getFirst().name();

    /** A key's value (null when absent) and remaining lifetime in seconds (null without expiry or key). */
    public record CachedValue(String value, Long ttlSeconds) {}

    private final List<RedisNodeAddress> nodes;
    private final BackendCalls calls;
    private final ClientResources resources;
    private final CredentialedClient<RedisConnections> connections;
    private final RedisKeyCommands keys;

    public RedisBackend(List<RedisNodeAddress> nodes, VaultSecrets secrets, BackendCalls calls) {
        this.nodes = List.copyOf(nodes);
        this.calls = calls;
        this.resources = ClientResources.builder()
                .socketAddressResolver(MappingSocketAddressResolver.create(this::toConfiguredAddress))
                .build();
        this.connections = new CredentialedClient<>(
                SECRET, secrets, this::connect, RedisBackend::rejectedCredentials, c -> true, RedisConnections::close);
        this.keys = new RedisKeyCommands(connections, calls);
    }

    public List<RedisNodeAddress> nodes() {
        return nodes;
    }

    public Optional<RedisNodeAddress> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** GET and TTL of {@code key}, whatever node owns its slot. */
    public CachedValue get(String key) {
        return keys.get(key);
    }

    /** SET {@code key}, with {@code EX ttlSeconds} unless that is null. */
    public void set(String key, String value, Integer ttlSeconds) {
        keys.set(key, value, ttlSeconds);
    }

    /** DEL {@code key}; true when a key was removed. */
    public boolean delete(String key) {
        return keys.delete(key);
    }

    /** CLUSTER NODES, parsed, from the first node that answers. */
    public List<ClusterNode> clusterNodes() {
        String text = calls.call(Backend.REDIS, "cluster_nodes", () -> onAnyNode(RedisCommands::clusterNodes));
        return ClusterNodesParser.parse(text);
    }

    /** CLUSTER INFO, parsed, from the first node that answers. */
    public Map<String, Object> clusterInfo() {
        return InfoParser.parse(calls.call(Backend.REDIS, "cluster_info", () -> onAnyNode(RedisCommands::clusterInfo)));
    }

    /** INFO of one node, parsed. */
    public Map<String, Object> nodeInfo(RedisNodeAddress node) {
        return InfoParser.parse(calls.call(Backend.REDIS, "node_info", () -> onNode(node, RedisCommands::info)));
    }

    /** The health probe of one node: its INFO, bounded by the deadline only. */
    public Map<String, Object> probeNode(RedisNodeAddress node) {
        return InfoParser.parse(calls.probe(Backend.REDIS, "health", () -> onNode(node, RedisCommands::info)));
    }

    /** The health probe of the cluster: CLUSTER INFO from any node, bounded by the deadline only. */
    public Map<String, Object> probeCluster() {
        return InfoParser.parse(calls.probe(Backend.REDIS, "health", () -> onAnyNode(RedisCommands::clusterInfo)));
    }

    /** Opens the node connections without the deadline (startup warm-up). */
    public void warmUpNodes() throws Exception {
        onAnyNode(RedisCommands::clusterInfo);
    }

    /**
     * Opens the cluster-aware connection without the deadline (startup warm-up). Apart from the nodes: topology
     * discovery and one connection per master took longer than the first cache call's deadline on a busy machine.
     */
    public void warmUpCluster() throws Exception {
        cluster(commands -> commands.exists("devstack:warm-up"));
    }

    /**
     * Key commands through the cluster connection (MOVED/ASK followed), unguarded: for the warm-up and for
     * benchmarks that measure the driver alone. API code uses the guarded operations above.
     */
    public <T> T cluster(Function<RedisAdvancedClusterCommands<String, String>, T> commands) throws Exception {
        return connections.use(c -> commands.apply(c.cluster().sync()));
    }

    /** Commands on one node's own connection. */
    private <T> T onNode(RedisNodeAddress node, Function<RedisCommands<String, String>, T> commands) throws Exception {
        // a node connection is kept through failures: lettuce reconnects it in the background when the node is back
        return connections.use(c -> commands.apply(c.node(node).sync()));
    }

    /**
     * A cluster-wide read on the first configured node that answers, so {@code CLUSTER NODES/INFO} still work
     * while one node is down.
     */
    private <T> T onAnyNode(Function<RedisCommands<String, String>, T> commands) throws Exception {
        Exception last = null;
        for (RedisNodeAddress node : nodes) {
            try {
                return onNode(node, commands);
            } catch (Exception e) {
                if (rejectedCredentials(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last == null ? new IllegalStateException("REDIS_NODES lists no node") : last;
    }

    private RedisConnections connect(Map<String, Object> secret) {
        return new RedisConnections(nodes, String.valueOf(secret.get("password")), calls.timeout(), resources);
    }

    /**
     * Nodes announce the address they bind to; when that differs from the configured one (containers, NAT), the
     * configured host with the same port is used.
     */
    private HostAndPort toConfiguredAddress(HostAndPort announced) {
        for (RedisNodeAddress node : nodes) {
            if (node.port() == announced.getPort()) {
                return node.host().equals(announced.getHostText())
                        ? announced
                        : HostAndPort.of(node.host(), node.port());
            }
        }
        return announced;
    }

    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(
                failure,
                t -> t.getMessage() != null
                        && (t instanceof RedisCommandExecutionException || t instanceof RedisConnectionException)
                        && (t.getMessage().startsWith("WRONGPASS")
                                || t.getMessage().startsWith("NOAUTH")
                                || t.getMessage().contains("invalid username-password pair")));
    }

    @Override
    public void close() {
        connections.close();
        resources.shutdown();
    }
}
