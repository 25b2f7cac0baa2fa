package io.devstack.infra.ops;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.SharedStack;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shared stack for the ops tests, and a fresh, authenticated client of each backend from Vault's secrets. */
final class StackClients {

    /** Test classes using the shared stack run after every other infra test (see junit-platform.properties). */
    static final int AFTER_OWN_STACK_TESTS = Integer.MAX_VALUE - 10;

    private static LocalRuntime runtime;

    private StackClients() {}

    static synchronized LocalRuntime runtime() {
        if (runtime == null) {
            runtime =
                    SharedStack.ensureRunning(DevstackHome.fromEnvironment(), m -> System.out.println("[stack] " + m));
        }
        return runtime;
    }

    static Map<String, String> secret(String name) {
        return runtime().runningVault(Progress.SILENT).admin().readSecret(name);
    }

    static Connection postgres(Map<String, String> secret) throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + secret.get("database") + "?connectTimeout=5",
                secret.get("user"),
                secret.get("password"));
    }

    static Connection mariadb(Map<String, String> secret) throws Exception {
        return DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:3306/" + secret.get("database") + "?connectTimeout=5000",
                secret.get("user"),
                secret.get("password"));
    }

    static MongoClient mongo(Map<String, String> secret) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", 27017)))
                        .serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createScramSha256Credential(
                        secret.get("user"), "admin", secret.get("password").toCharArray()))
                .build());
    }

    static com.rabbitmq.client.Connection amqp(Map<String, String> secret) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername(secret.get("user"));
        factory.setPassword(secret.get("password"));
        factory.setVirtualHost(secret.get("vhost"));
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5000);
        return factory.newConnection();
    }

    /** A lettuce cluster client seeded with redis-1; closing it shuts the client down. */
    static RedisCluster redis(Map<String, String> secret) {
        RedisClusterClient client = RedisClusterClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(6379)
                .withPassword(secret.get("password").toCharArray())
                .withTimeout(Duration.ofSeconds(5))
                .build());
        try {
            return new RedisCluster(client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    record RedisCluster(RedisClusterClient client, StatefulRedisClusterConnection<String, String> connection)
            implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
