package io.devstack.infra.local.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.login.AccountNotFoundException;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.AuthenticationProvider;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.PasswordCredentialManagingAuthenticationProvider;
import org.apache.qpid.server.model.SystemConfig;

/**
 * The stack's AMQP 0-9-1 broker: Apache Qpid Broker-J in its own JVM. Its configuration is rebuilt from Vault's
 * {@code rabbitmq} secret on every start (in-memory system config), while the {@code dev_vhost} virtual host keeps
 * its queues and persistent messages in a Derby store under {@code --data}.
 *
 * <p>Usage: {@code AmqpBrokerMain --port 5672 --data <dir> --credentials <file>}; the credentials file
 * ({@code user}, {@code password}, {@code vhost} as properties, mode 0600) is deleted once read. When a new
 * credentials file appears at the same path later ({@code devstack vault rotate rabbitmq}), the running broker
 * reads and deletes it and sets that user's password: live rotation without a restart.
 */
public final class AmqpBrokerMain {

    /** Messages one queue may hold: about four minutes of the benchmarks' publish rate, which purge after a run. */
    public static final long MAX_QUEUE_MESSAGES = 200_000;
    /** Bytes one queue may hold (message contents): 64 MiB, sixty-four of the largest message an API publishes. */
    public static final long MAX_QUEUE_BYTES = 64L * 1024 * 1024;
    /**
     * Queues the virtual host may hold, whoever declares them ({@link QueueLimits}): with the depth limit above, at
     * most about 62 GiB of messages in the worst case instead of no bound at all.
     */
    public static final long MAX_QUEUES = 1_000;

    private AmqpBrokerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("--port", "5672"));
        Path data = Path.of(options.get("--data")).toAbsolutePath();
        Properties credentials = readAndDelete(Path.of(options.get("--credentials")));
        Files.createDirectories(data);
        Path initialConfig = data.resolve("broker-initial-config.json");
        writePrivate(initialConfig, brokerConfig(port, data, credentials));

        Thread.setDefaultUncaughtExceptionHandler(new FatalErrorExit(data));
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher broker = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                system.set(config);
            }
        });
        // Qpid's threads are not daemons: without this the JVM would ignore SIGTERM's exit until they stop
        Runtime.getRuntime().addShutdownHook(new Thread(broker::shutdown, "amqp-broker-shutdown"));
        try {
            broker.startup(Map.of(
                    "type",
                    "Memory",
                    "initialConfigurationLocation",
                    initialConfig.toUri().toString(),
                    "qpid.work_dir",
                    data.toString(),
                    "startupLoggedToSystemOut",
                    Boolean.TRUE));
        } finally {
            // the broker has read it; the passwords are held in memory only
            Files.deleteIfExists(initialConfig);
        }
        System.out.println(
                "AMQP broker ready on 127.0.0.1:" + port + ", virtual host " + credentials.getProperty("vhost"));
        Thread watcher = new Thread(
                () -> applyRotations(Path.of(options.get("--credentials")), system.get()), "amqp-password-rotation");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Waits for a new credentials file and applies its password to the running broker, for as long as it runs. */
    private static void applyRotations(Path file, SystemConfig<?> system) {
        try (WatchService watch = file.getFileSystem().newWatchService()) {
            file.getParent()
                    .register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                WatchKey key = watch.take();
                key.pollEvents();
                key.reset();
                if (Files.exists(file)) {
                    applyPassword(readAndDelete(file), system);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            System.err.println(
                    "amqp-broker: password rotation stopped: " + e.getClass().getSimpleName());
        }
    }

    private static void applyPassword(Properties credentials, SystemConfig<?> system) {
        String user = credentials.getProperty("user");
        Broker<?> broker = (Broker<?>) system.getContainer(Broker.class);
        for (AuthenticationProvider<?> provider : broker.getAuthenticationProviders()) {
            if (provider instanceof PasswordCredentialManagingAuthenticationProvider<?> managed) {
                try {
                    managed.setPassword(user, credentials.getProperty("password"));
                    System.out.println("amqp-broker: password of user " + user + " rotated");
                } catch (AccountNotFoundException | RuntimeException e) {
                    // the message never carries the password, only what failed
                    System.err.println("amqp-broker: cannot rotate the password of " + user + ": "
                            + e.getClass().getSimpleName());
                }
            }
        }
    }

    static String brokerConfig(int port, Path data, Properties credentials) throws IOException {
        String vhost = credentials.getProperty("vhost", "dev_vhost");
        Map<String, Object> config = Map.of(
                "name", "devstack",
                "modelVersion", "9.1",
                // Every queue inherits these defaults (declared now or earlier): past either depth the broker refuses
                // the new message (a publisher confirm comes back as a nack) instead of dropping old ones or
                // blocking the publisher.
                "context",
                        Map.of(
                                "queue.defaultMaximumQueueDepthMessages", Long.toString(MAX_QUEUE_MESSAGES),
                                "queue.defaultMaximumQueueDepthBytes", Long.toString(MAX_QUEUE_BYTES),
                                "queue.defaultOverflowPolicy", "REJECT"),
                // refuses a queue past MAX_QUEUES, or declared with larger depth limits than the defaults above
                "accesscontrolproviders", List.of(Map.of("name", "queue-limits", "type", QueueLimitsProvider.TYPE)),
                "authenticationproviders",
                        List.of(Map.of(
                                "name",
                                "plain",
                                "type",
                                "Plain",
                                // PLAIN over plain TCP on loopback, as RabbitMQ allows it; TLS is the compose runtime's
                                "secureOnlyMechanisms",
                                List.of(),
                                "users",
                                List.of(Map.of(
                                        "name", credentials.getProperty("user"),
                                        "type", "managed",
                                        "password", credentials.getProperty("password"))))),
                "ports",
                        List.of(Map.of(
                                "name",
                                "AMQP",
                                "port",
                                port,
                                "bindingAddress",
                                "127.0.0.1",
                                "authenticationProvider",
                                "plain",
                                "protocols",
                                List.of("AMQP_0_8", "AMQP_0_9", "AMQP_0_9_1"),
                                "virtualhostaliases",
                                List.of(
                                        Map.of("name", "nameAlias", "type", "nameAlias"),
                                        Map.of("name", "defaultAlias", "type", "defaultAlias")))),
                "virtualhostnodes",
                        List.of(Map.of(
                                "name",
                                vhost,
                                "type",
                                "DERBY",
                                "storePath",
                                data.resolve(vhost).toString(),
                                "defaultVirtualHostNode",
                                "true",
                                "virtualHostInitialConfiguration",
                                "{\"type\":\"ProvidedStore\",\"name\":\"" + vhost + "\"}")));
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(config);
    }

    private static Properties readAndDelete(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Files.deleteIfExists(file);
        for (String key : List.of("user", "password")) {
            if (properties.getProperty(key, "").isEmpty()) {
                throw new IllegalArgumentException("credentials file lacks '" + key + "'");
            }
        }
        return properties;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--data", "--credentials")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required
                        + "; usage: AmqpBrokerMain --port 5672 --data <dir> --credentials <file>");
            }
        }
        return options;
    }
}
