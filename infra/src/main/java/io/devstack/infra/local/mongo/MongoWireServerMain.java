package io.devstack.infra.local.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link MongoWireServer} as a supervised JVM:
 * {@code --bind 127.0.0.1 --port 27017 --data <dir> --users <file>}. Prints one line when listening, stops
 * cleanly on SIGTERM, and exits 2 with one line when the arguments, users file, data store or port are wrong.
 * {@code -Xmx48m} is enough (measured: see the infra README).
 */
public final class MongoWireServerMain {

    private static final List<String> OPTIONS = List.of("--bind", "--port", "--data", "--users");
    private static final String USAGE = "usage: MongoWireServerMain --bind 127.0.0.1 --port 27017 --data <dir> --users <file>";

    private MongoWireServerMain() {
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        MongoWireServer server;
        try {
            Map<String, String> options = parse(args);
            InetSocketAddress address = new InetSocketAddress(options.get("--bind"), port(options.get("--port")));
            server = MongoWireServer.start(address, Path.of(options.get("--data")), Path.of(options.get("--users")));
        } catch (RuntimeException e) {
            System.err.println("mongodb-wire: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mongodb-wire-shutdown"));
        System.out.println("mongodb-wire listening on " + server.address().getHostString() + ":"
                + server.address().getPort() + " (SCRAM-SHA-256 required)");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; " + USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        for (String option : OPTIONS) {
            if (!options.containsKey(option)) {
                throw new IllegalArgumentException("missing " + option + "; " + USAGE);
            }
        }
        return options;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65_536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--port " + value + " is not a TCP port (1-65535)");
    }

    /** mongo-java-server logs every connect and disconnect at INFO: keep the log to what matters. */
    private static void quietLibraryLogging() {
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel", System.getProperty(
                "org.slf4j.simpleLogger.log.de.bwaldvogel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", System.getProperty(
                "org.slf4j.simpleLogger.showDateTime", "true"));
    }
}
