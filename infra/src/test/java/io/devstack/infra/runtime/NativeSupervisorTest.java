package io.devstack.infra.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.LogRotation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The supervisor of the shared native stack ({@code $DEVSTACK_HOME}), for real: kill -9 brings a backend back by
 * itself and counts it, a deliberate stop is left alone, a crash loop ends in "gave up" without spinning, and a log
 * over the limit is rotated while its process keeps writing. {@code down} leaving no process (the supervisor too)
 * is {@link LocalRuntimeTest}'s.
 */
// after LocalRuntimeTest (its own stack on the same ports), before the ops tests (junit-platform.properties)
@Order(Integer.MAX_VALUE - 20)
class NativeSupervisorTest {

    private static final Progress PROGRESS = m -> System.out.println("[stack] " + m);
    /** Detection, backoff, a restart JVM and the server's start, on a loaded 2-core machine. */
    private static final Duration RESTARTED_WITHIN = Duration.ofSeconds(90);

    private static LocalRuntime runtime;

    @BeforeAll
    static void stack() {
        runtime = SharedStack.ensureRunning(DevstackHome.fromEnvironment(), PROGRESS);
    }

    @Test
    void aKilledBackendIsBackHealthyWithoutUpAndItsRestartIsCounted() throws Exception {
        assertThat(runtime.supervisorState().running()).isTrue();
        int before = status("mongodb").restarts();
        ProcessHandle mongodb = ProcessHandle.of(runtime.pids().get("mongodb")).orElseThrow();

        mongodb.destroyForcibly();
        mongodb.onExit().get(10, TimeUnit.SECONDS);

        await(() -> status("mongodb").restarts() == before + 1
                && status("mongodb").state().equals("running"));
        assertThat(runtime.pids().get("mongodb")).isNotEqualTo(mongodb.pid());
        assertThat(runtime.health())
                .filteredOn(h -> h.service().equals("mongodb"))
                .singleElement()
                .satisfies(h -> assertThat(h.healthy()).as(h.detail()).isTrue());
    }

    @Test
    void aServiceStoppedOnPurposeStaysStopped() throws Exception {
        int before = status("redis-3").restarts();
        runtime.stopService("redis-3");
        try {
            Thread.sleep(3_000); // past the supervisor's check and its first backoff
            assertThat(status("redis-3").state()).isEqualTo("stopped");
            assertThat(status("redis-3").restarts()).isEqualTo(before);
        } finally {
            runtime.startService("redis-3", PROGRESS);
        }
    }

    @Test
    void aServiceThatCrashesAtOnceEveryTimeIsGivenUpWithoutSpinningAndUpStartsItAgain() throws Exception {
        int before = status("redis-2").restarts();
        long supervisor = runtime.supervisorState().pid();
        ProcessHandle redis = ProcessHandle.of(runtime.pids().get("redis-2")).orElseThrow();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.setReuseAddress(true);
            redis.destroyForcibly();
            redis.onExit().get(10, TimeUnit.SECONDS);
            // every restart now fails at once: the port is taken
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 6380));

            await(() -> status("redis-2").gaveUp());
            int made = status("redis-2").restarts() - before;
            assertThat(made).isBetween(1, RestartPolicy.GIVE_UP_AFTER - 1);
            Thread.sleep(3_000);
            assertThat(status("redis-2").restarts())
                    .as("no restart after giving up")
                    .isEqualTo(before + made);
            assertThat(runtime.isRunning("redis-2")).isFalse();
        } finally {
            runtime.up(Set.of(), PROGRESS);
        }

        assertThat(status("redis-2").state()).isEqualTo("running");
        assertThat(runtime.supervisorState().pid())
                .as("a second up starts no second supervisor")
                .isEqualTo(supervisor);
        assertThat(runtime.health())
                .allSatisfy(h -> assertThat(h.healthy())
                        .as(h.service() + ": " + h.detail())
                        .isTrue());
    }

    @Test
    void aLogOverTheLimitIsRotatedAndTheLiveProcessWritesOnIntoTheEmptiedFile() throws Exception {
        Path log = runtime.home().logFile("rabbitmq");
        for (int generation = 1; generation <= LogRotation.GENERATIONS; generation++) {
            Files.deleteIfExists(LogRotation.generation(log, generation));
        }
        byte[] line = "filler written by NativeSupervisorTest\n".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[line.length * 25_000];
        for (int i = 0; i < 25_000; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try (var out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            for (long written = 0; written <= LogRotation.MAX_BYTES; written += block.length) {
                out.write(block);
            }
        }

        Path first = LogRotation.generation(log, 1);
        await(() -> Files.exists(first) && size(log) < LogRotation.MAX_BYTES);
        assertThat(Files.size(first)).isGreaterThan(LogRotation.MAX_BYTES);

        // the broker logs every connection: its next lines land at the start of the emptied file
        Map<String, String> secret =
                runtime.runningVault(Progress.SILENT).admin().readSecret("rabbitmq");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername(secret.get("user"));
        factory.setPassword(secret.get("password"));
        factory.setVirtualHost(secret.get("vhost"));
        try (Connection ignored = factory.newConnection()) {
            await(() -> read(log).contains("CON-1001"));
        }
        String live = read(log);
        assertThat(live).doesNotContain("filler").doesNotContain("\0");
        assertThat(live.length()).isLessThan(1024 * 1024);
    }

    private static ServiceStatus status(String service) {
        return runtime.status().stream()
                .filter(s -> s.service().equals(service))
                .findFirst()
                .orElseThrow();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + RESTARTED_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as(
                            "not within %d s; see %s",
                            RESTARTED_WITHIN.toSeconds(), runtime.home().logFile("supervisor"))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
