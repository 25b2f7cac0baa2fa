package io.devstack.testsupport;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.AmqpLauncher;
import io.devstack.infra.local.MariaDbLauncher;
import io.devstack.infra.local.MongoLauncher;
import io.devstack.infra.local.PostgresLauncher;
import io.devstack.infra.local.RedisLauncher;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.ServiceHealth;
import io.devstack.infra.runtime.StackReport;
import io.devstack.infra.vault.VaultAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one test fixture for the native stack: once per JVM, uses the stack already healthy at
 * {@code $DEVSTACK_HOME} (default {@code ~/.devstack}) or starts it detached, and tells tests where everything is.
 * A stack it started is marked ({@value #MARKER}) so {@code ./devstack test} stops it after the suite; a stack
 * the developer started is left running.
 */
public final class NativeStack {

    /** Under the home's {@code run/}: present when the tests, not a developer, started the running stack. */
    public static final String MARKER = "started-by-tests";
    /** The deadline the APIs give every backend call unless told otherwise (API.md). */
    public static final String BACKEND_TIMEOUT_MS = "2000";
    private static final String HOST = "127.0.0.1";

    private static NativeStack shared;

    private final LocalRuntime runtime;
    private final VaultAdmin admin;

    private NativeStack(LocalRuntime runtime) {
        this.runtime = runtime;
        this.admin = runtime.vault().lifecycle(Progress.SILENT).admin();
    }

    /** The stack for this JVM, started (and waited for) on first use. */
    public static synchronized NativeStack shared() {
        if (shared == null) {
            shared = new NativeStack(ensureRunning(DevstackHome.fromEnvironment()));
        }
        return shared;
    }

    private static LocalRuntime ensureRunning(DevstackHome home) {
        LocalRuntime runtime = new LocalRuntime(home);
        Progress progress = message -> System.err.println("[NativeStack] " + message);
        long started = System.nanoTime();
        if (runtime.status().stream().allMatch(s -> s.state().equals("running"))
                && runtime.health().stream().allMatch(ServiceHealth::healthy)) {
            progress.step("using the healthy stack at " + home.root() + " (checked in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return runtime;
        }
        boolean vaultWasRunning = runtime.supervisor().alive(VaultLauncher.SERVICE);
        StackReport report = runtime.up(Set.of(), progress);
        if (!vaultWasRunning) {
            markStartedByTests(home);
        }
        progress.step("stack at " + home.root() + " ready in " + report.elapsed().toMillis() + " ms ("
                + report.kind().label() + ")");
        return runtime;
    }

    private static void markStartedByTests(DevstackHome home) {
        try {
            Files.writeString(DevstackHome.privateDirectory(home.runDir()).resolve(MARKER),
                    "started by tests at " + Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Exactly the environment API.md gives an API module, pointing at this stack. */
    public Map<String, String> apiEnvironment(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VAULT_ADDR", vaultAddress().toString());
        env.put("VAULT_APPROLE_DIR", approleDir(module).toString());
        env.put("POSTGRES_HOST", HOST);
        env.put("POSTGRES_PORT", Integer.toString(PostgresLauncher.PORT));
        env.put("MYSQL_HOST", HOST);
        env.put("MYSQL_PORT", Integer.toString(MariaDbLauncher.PORT));
        env.put("MONGODB_HOST", HOST);
        env.put("MONGODB_PORT", Integer.toString(MongoLauncher.PORT));
        env.put("REDIS_NODES", redisNodes());
        env.put("RABBITMQ_HOST", HOST);
        env.put("RABBITMQ_PORT", Integer.toString(AmqpLauncher.PORT));
        env.put("BACKEND_TIMEOUT_MS", BACKEND_TIMEOUT_MS);
        return env;
    }

    /** Stops one backend (e.g. "postgres", "redis-2") for a backend-down test; {@link #startService} undoes it. */
    public void stopService(String service) {
        runtime.stopService(service);
    }

    /** Starts a stopped backend again and waits until it answers with its Vault credentials. */
    public void startService(String service) {
        runtime.startService(service, message -> System.err.println("[NativeStack] " + message));
    }

    private static String redisNodes() {
        StringBuilder nodes = new StringBuilder();
        for (int node = 1; node <= 3; node++) {
            if (node > 1) {
                nodes.append(',');
            }
            nodes.append(RedisLauncher.serviceName(node)).append('=').append(HOST).append(':')
                    .append(RedisLauncher.FIRST_PORT + node - 1);
        }
        return nodes.toString();
    }
}
