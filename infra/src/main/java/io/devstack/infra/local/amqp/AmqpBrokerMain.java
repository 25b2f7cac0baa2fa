package io.devstack.infra.local.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.qpid.server.SystemLauncher;

/**
 * The stack's AMQP 0-9-1 broker: Apache Qpid Broker-J in its own JVM. Its configuration is rebuilt from Vault's
 * {@code rabbitmq} secret on every start (in-memory system config), while the {@code dev_vhost} virtual host keeps
 * its queues and persistent messages in a Derby store under {@code --data}.
 *
 * <p>Usage: {@code AmqpBrokerMain --port 5672 --data <dir> --credentials <file>}; the credentials file
 * ({@code user}, {@code password}, {@code vhost} as properties, mode 0600) is deleted once read.
 */
public final class AmqpBrokerMain {

    private AmqpBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("--port", "5672"));
        Path data = Path.of(options.get("--data")).toAbsolutePath();
        Properties credentials = readAndDelete(Path.of(options.get("--credentials")));
        Files.createDirectories(data);
        Path initialConfig = data.resolve("broker-initial-config.json");
        writePrivate(initialConfig, brokerConfig(port, data, credentials));

        SystemLauncher broker = new SystemLauncher();
        // Qpid's threads are not daemons: without this the JVM would ignore SIGTERM's exit until they stop
        Runtime.getRuntime().addShutdownHook(new Thread(broker::shutdown, "amqp-broker-shutdown"));
        try {
            broker.startup(Map.of(
                    "type", "Memory",
                    "initialConfigurationLocation", initialConfig.toUri().toString(),
                    "qpid.work_dir", data.toString(),
                    "startupLoggedToSystemOut", Boolean.TRUE));
        } finally {
            // the broker has read it; the passwords are held in memory only
            Files.deleteIfExists(initialConfig);
        }
        System.out.println("AMQP broker ready on 127.0.0.1:" + port + ", virtual host "
                + credentials.getProperty("vhost"));
    }

    static String brokerConfig(int port, Path data, Properties credentials) throws IOException {
        String vhost = credentials.getProperty("vhost", "dev_vhost");
        Map<String, Object> config = Map.of(
                "name", "devstack",
                "modelVersion", "9.1",
                "authenticationproviders", List.of(Map.of(
                        "name", "plain",
                        "type", "Plain",
                        // PLAIN over plain TCP on loopback, as RabbitMQ allows it; TLS is the compose runtime's
                        "secureOnlyMechanisms", List.of(),
                        "users", List.of(Map.of(
                                "name", credentials.getProperty("user"),
                                "type", "managed",
                                "password", credentials.getProperty("password"))))),
                "ports", List.of(Map.of(
                        "name", "AMQP",
                        "port", port,
                        "bindingAddress", "127.0.0.1",
                        "authenticationProvider", "plain",
                        "protocols", List.of("AMQP_0_8", "AMQP_0_9", "AMQP_0_9_1"),
                        "virtualhostaliases", List.of(
                                Map.of("name", "nameAlias", "type", "nameAlias"),
                                Map.of("name", "defaultAlias", "type", "defaultAlias")))),
                "virtualhostnodes", List.of(Map.of(
                        "name", vhost,
                        "type", "DERBY",
                        "storePath", data.resolve(vhost).toString(),
                        "defaultVirtualHostNode", "true",
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
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
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
