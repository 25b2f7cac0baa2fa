package io.devstack.common.redis;

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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Redis cluster as the API uses it: cluster-aware key commands, and per-node commands on the nodes of
 * {@code REDIS_NODES}. The password comes from Vault secret {@code redis-1} (shared by the three nodes); a
 * WRONGPASS/NOAUTH answer re-reads it and reconnects. Blocking; each command is bounded by the backend timeout.
 */
public final class RedisBackend implements AutoCloseable {

    public static final String SECRET = "redis-1";

    private final List<RedisNodeAddress> nodes;
    private final ClientResources resources;
    private final CredentialedClient<RedisConnections> connections;

    public RedisBackend(List<RedisNodeAddress> nodes, VaultSecrets secrets, Duration timeout) {
        this.nodes = List.copyOf(nodes);
        this.resources = ClientResources.builder()
                .socketAddressResolver(MappingSocketAddressResolver.create(this::toConfiguredAddress))
                .build();
        this.connections = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> new RedisConnections(this.nodes, String.valueOf(secret.get("password")), timeout, resources),
                RedisBackend::rejectedCredentials,
                c -> true,
                RedisConnections::close);
    }

    public List<RedisNodeAddress> nodes() {
        return nodes;
    }

    public Optional<RedisNodeAddress> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** Runs key commands through the cluster connection (MOVED/ASK followed). */
    public <T> T cluster(Function<RedisAdvancedClusterCommands<String, String>, T> commands) throws Exception {
        return connections.use(c -> commands.apply(c.cluster().sync()));
    }

    /** Runs commands on one node's own connection. */
    public <T> T onNode(RedisNodeAddress node, Function<RedisCommands<String, String>, T> commands) throws Exception {
        // a node connection is kept through failures: lettuce reconnects it in the background when the node is back
        return connections.use(c -> commands.apply(c.node(node).sync()));
    }

    /**
     * Runs a cluster-wide read on the first configured node that answers, so {@code CLUSTER NODES/INFO} still work
     * while one node is down.
     */
    public <T> T onAnyNode(Function<RedisCommands<String, String>, T> commands) throws Exception {
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
