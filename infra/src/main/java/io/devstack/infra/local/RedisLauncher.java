package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.StackService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One Redis 6.2 cluster node ({@code redis-1|2|3}) from embedded-redis's bundled {@code redis-server}: own data
 * folder and config (0600, it holds {@code requirepass}), cluster-enabled, AOF on. The cluster itself is formed
 * afterwards by {@link RedisClusterInitializer}.
 */
public final class RedisLauncher implements BackendLauncher {

    public static final int BUS_OFFSET = 10000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final long AOF_COMPACT_ABOVE = 8L * 1024 * 1024;

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;
    private final StackService node;

    /** {@code node} is one of {@link io.devstack.infra.model.StackServices#redisNodes()}: its name and port. */
    public RedisLauncher(ProcessSupervisor supervisor, StackService node) {
        this.supervisor = supervisor;
        this.home = supervisor.home();
        this.node = node;
    }

    public int port() {
        return node.mainPort();
    }

    @Override
    public String service() {
        return node.name();
    }

    @Override
    public List<Integer> ports() {
        return List.of(port(), port() + BUS_OFFSET);
    }

    @Override
    public String credentialsHint() {
        return "./devstack vault show-password " + service();
    }

    @Override
    public void start(SecretSource secrets, Progress progress) {
        Path server = BinaryUnpacker.unpackExecutable(
                "redis-server-" + BinaryVersions.of("redis") + "-v5-linux-amd64",
                home.binRoot().resolve("redis-" + BinaryVersions.of("redis")),
                "redis-server",
                "Redis " + BinaryVersions.of("redis") + " server",
                progress);
        Path data = home.dataDir(service());
        Path config = data.resolve("redis.conf");
        DevstackHome.privateDirectory(data);
        DevstackHome.writePrivateFile(config, config(secrets.field(service(), "password")));
        progress.step(service() + ": starting on 127.0.0.1:" + port());
        supervisor.start(service(), List.of(server.toString(), config.toString()), Map.of(), data);
        Readiness.await(supervisor, service(), READY_TIMEOUT, () -> probe(secrets));
        compactLargeAof(data.resolve("appendonly.aof"), secrets);
    }

    /**
     * An AOF that grew large before the 8 MB rule (Redis compacts only once it doubles from its size at start) is
     * rewritten once in the background, so the next start replays little of it.
     */
    private void compactLargeAof(Path aof, SecretSource secrets) {
        try {
            if (Files.size(aof) <= AOF_COMPACT_ABOVE) {
                return;
            }
        } catch (IOException e) {
            return; // no AOF yet
        }
        call(secrets, RedisCommands::bgrewriteaof);
    }

    private String config(String password) {
        String quoted = "\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return String.join(
                "\n",
                "bind 127.0.0.1",
                "port " + port(),
                "protected-mode yes",
                "daemonize no",
                "dir " + home.dataDir(service()),
                "cluster-enabled yes",
                "cluster-config-file nodes.conf",
                "cluster-node-timeout 5000",
                "cluster-announce-ip 127.0.0.1",
                "appendonly yes",
                // every start replays the AOF: compacted from 8 MB on (Redis's default is 64 MB), a busy cache's
                // restart replays a few hundred ms of it, not seconds
                "auto-aof-rewrite-min-size 8mb",
                "requirepass " + quoted,
                "masterauth " + quoted,
                "maxmemory 128mb",
                // a cache: when full, drop the least recently used key instead of refusing writes with OOM
                "maxmemory-policy allkeys-lru",
                "loglevel notice",
                "");
    }

    @Override
    public String probe(SecretSource secrets) {
        return "AUTH + " + call(secrets, RedisCommands::ping);
    }

    /** One command on a short-lived authenticated connection to this node. */
    private <T> T call(SecretSource secrets, Function<RedisCommands<String, String>, T> command) {
        RedisURI uri = RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(port())
                .withPassword(secrets.field(service(), "password").toCharArray())
                .withTimeout(Duration.ofSeconds(3))
                .build();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
