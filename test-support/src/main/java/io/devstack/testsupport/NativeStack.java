package io.devstack.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.ApiEnvironment;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.local.amqp.AmqpBrokerMain;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.ServiceStatus;
import io.devstack.infra.runtime.SharedStack;
import io.devstack.infra.vault.VaultAdmin;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one test fixture for the native stack: once per JVM, uses the stack already healthy at
 * {@code $DEVSTACK_HOME} (default {@code ~/.devstack}) or starts it detached ({@link SharedStack}: marked so
 * {@code ./devstack test} stops it after the suite), and tells tests where everything is.
 */
public final class NativeStack {

    private static NativeStack shared;

    private final LocalRuntime runtime;
    private final VaultAdmin admin;

    private NativeStack(LocalRuntime runtime) {
        this.runtime = runtime;
        this.admin = runtime.runningVault(Progress.SILENT).admin();
    }

    /** The stack for this JVM, started (and waited for) on first use. */
    public static synchronized NativeStack shared() {
        if (shared == null) {
            shared = new NativeStack(SharedStack.ensureRunning(
                    DevstackHome.fromEnvironment(), message -> System.err.println("[NativeStack] " + message)));
        }
        return shared;
    }

    public URI vaultAddress() {
        return VaultLauncher.ADDRESS;
    }

    /** Where {@code vaultClient}'s role-id and secret-id files are (e.g. "api-spring"). */
    public Path approleDir(String vaultClient) {
        return runtime.home().approleDir(vaultClient);
    }

    public String rootToken() {
        return admin.rootToken();
    }

    /** The KV secret {@code secret/<name>} as Vault holds it now. */
    public Map<String, String> secret(String name) {
        return admin.readSecret(name);
    }

    /** Exactly the environment docs/api-contract.md gives an API module, pointing at this stack. */
    public Map<String, String> apiEnvironment(String module) {
        return ApiEnvironment.forModule(runtime.home(), module);
    }

    /** Stops one backend (e.g. "postgres", "redis-2") for a backend-down test; {@link #startService} undoes it. */
    public void stopService(String service) {
        runtime.stopService(service);
    }

    /** Seeds for a cluster-aware Redis client: every node of the stack, with the password Vault holds. */
    public List<RedisURI> redisSeeds() {
        char[] password = secret(StackServices.redisNodeNames().getFirst())
                .get("password")
                .toCharArray();
        List<RedisURI> seeds = new ArrayList<>();
        for (String node : apiEnvironment("api-spring").get("REDIS_NODES").split(",")) {
            String[] hostPort = node.split("=", 2)[1].split(":");
            seeds.add(RedisURI.builder()
                    .withHost(hostPort[0])
                    .withPort(Integer.parseInt(hostPort[1]))
                    .withPassword(password)
                    .build());
        }
        return seeds;
    }

    /** A connection factory for the AMQP broker with the credentials and vhost Vault holds. */
    public ConnectionFactory amqpFactory() {
        Map<String, String> secret = secret("rabbitmq");
        Map<String, String> env = apiEnvironment("api-spring");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env.get("RABBITMQ_HOST"));
        factory.setPort(Integer.parseInt(env.get("RABBITMQ_PORT")));
        factory.setUsername(secret.get("user"));
        factory.setPassword(secret.get("password"));
        factory.setVirtualHost(secret.get("vhost"));
        return factory;
    }

    /**
     * Deletes {@code queue} if it exists: a test that publishes through an API declares a durable queue, and the
     * broker keeps at most {@link AmqpBrokerMain#MAX_QUEUES} per virtual host, so test runs must not leave theirs.
     */
    public void deleteQueueIfPresent(String queue) {
        try (Connection connection = amqpFactory().newConnection("devstack-test-cleanup")) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDelete(queue);
            } catch (IOException absent) {
                // Qpid Broker-J refuses to delete an absent queue: a channel error, which closes only that channel
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot delete the test queue " + queue + ": " + e.getMessage(), e);
        }
    }

    /** The running process of {@code service} (e.g. "postgres"), for a test that kills or stops it. */
    public ProcessHandle process(String service) {
        long pid = runtime.pids().getOrDefault(service, -1L);
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " is not running"));
    }

    /** How many times the stack's supervisor restarted {@code service} since it started ({@code devstack status}). */
    public int restarts(String service) {
        return runtime.status().stream()
                .filter(s -> s.service().equals(service))
                .mapToInt(ServiceStatus::restarts)
                .findFirst()
                .orElse(0);
    }

    /**
     * Waits until the supervisor has restarted {@code service} (its count above {@code restartsBefore}) and it runs.
     *
     * @throws IllegalStateException when that did not happen within {@code within}
     */
    public void awaitRestartBySupervisor(String service, int restartsBefore, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (restarts(service) <= restartsBefore || !runtime.isRunning(service)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the supervisor did not restart " + service + " within "
                        + within.toSeconds() + " s (restarts: " + restarts(service) + "); see its log, "
                        + runtime.home().logFile("supervisor"));
            }
            Thread.sleep(100);
        }
    }

    /** {@code devstack up} of the default profile: starts whatever is not running (a killed backend), unseals Vault. */
    public void up() {
        runtime.up(Set.of(), message -> System.err.println("[NativeStack] " + message));
    }

    /** Unseals a sealed Vault with the stored keys (what {@code devstack vault unseal} does). */
    public void unsealVault() {
        runtime.runningVault(Progress.SILENT).unseal();
    }

    /** Starts a stopped backend again and waits until it answers with its Vault credentials. */
    public void startService(String service) {
        runtime.startService(service, message -> System.err.println("[NativeStack] " + message));
    }
}
