package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.StackServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real Redis node started by its launcher, twice: what a restart replays of its append-only file. */
class RedisLauncherTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path root;

    private ProcessSupervisor supervisor;
    private RedisLauncher node;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.stop(node.service(), StopSignal.TERM, Duration.ofSeconds(10));
        }
    }

    @Test
    void anAofGrownLargeBeforeTheRuleIsCompactedByTheNextStart() throws Exception {
        supervisor = new ProcessSupervisor(new DevstackHome(root));
        node = new RedisLauncher(supervisor, StackServices.redisNodes().getFirst());
        SecretSource vault = name -> Map.of("password", "test-only-pass");
        node.start(vault, Progress.SILENT);
        Path aof = new DevstackHome(root).dataDir(node.service()).resolve("appendonly.aof");
        // a node that grew its AOF the way the old 64 MB rule let it: one key rewritten 12 times, 1 MB each
        withNode(redis -> {
            redis.clusterAddSlots(IntStream.range(0, 16384).toArray());
            awaitClusterOk(redis);
            redis.configSet("auto-aof-rewrite-percentage", "0");
            String value = "x".repeat((int) MB);
            for (int i = 0; i < 12; i++) {
                redis.set("devstack-test-key", value + i);
            }
        });
        assertThat(Files.size(aof)).isGreaterThan(12 * MB);

        supervisor.stop(node.service(), StopSignal.TERM, Duration.ofSeconds(10));
        node.start(vault, Progress.SILENT);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.size(aof) > 2 * MB && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.size(aof)).as("AOF bytes after the start's rewrite").isLessThan(2 * MB);
        withNode(redis -> {
            awaitClusterOk(redis);
            assertThat(redis.get("devstack-test-key"))
                    .as("the value after the rewrite")
                    .endsWith("x11");
        });
    }

    /** A node accepts writes 2 s after its start at the earliest (Redis's writable delay for a master). */
    private static void awaitClusterOk(RedisCommands<String, String> redis) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!redis.clusterInfo().contains("cluster_state:ok") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void withNode(java.util.function.Consumer<RedisCommands<String, String>> work) {
        RedisClient client = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(node.port())
                .withPassword("test-only-pass".toCharArray())
                .build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            work.accept(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
