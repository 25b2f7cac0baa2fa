package io.devstack.infra.ops;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.local.AmqpLauncher;
import io.devstack.infra.local.MariaDbLauncher;
import io.devstack.infra.local.MongoLauncher;
import io.devstack.infra.local.PostgresLauncher;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;

/**
 * Sets a new password on a running backend, authenticating with the current one: the server-side half of
 * {@code vault rotate} (and of {@code restore}, which brings back the passwords of the backup). Every server keeps
 * its already authenticated connections, so pooled clients keep working; new logins need the new password. Redis
 * takes it in two steps (both passwords valid in between), so a cluster client, which logs in to every node,
 * never meets nodes that disagree while they change one after the other.
 * Statements that carry a password are never logged (PostgreSQL is told so per session).
 */
final class LivePasswords {

    private static final Duration AMQP_APPLY_TIMEOUT = Duration.ofSeconds(15);

    private final DevstackHome home;
    /** Reads a Vault secret: MariaDB's password changes are made as root ({@code secret/mysql-root}). */
    private final Function<String, Map<String, String>> vault;

    LivePasswords(DevstackHome home, Function<String, Map<String, String>> vault) {
        this.home = home;
        this.vault = vault;
    }

    /** Both steps at once: {@code secret} is the service's Vault secret with the password the server accepts now. */
    void apply(String service, Map<String, String> secret, String newPassword) throws Exception {
        begin(service, secret, newPassword);
        finish(service, newPassword);
    }

    /**
     * The server accepts {@code newPassword} from now on. Where it can hold two passwords (Redis 6 ACL) the old one
     * keeps working too, until {@link #finish}; the others switch here.
     */
    void begin(String service, Map<String, String> secret, String newPassword) throws Exception {
        switch (service) {
            case PostgresLauncher.SERVICE -> postgres(secret, vault.apply(VaultLayout.POSTGRES_ADMIN), newPassword);
            case MariaDbLauncher.SERVICE -> mariadb(secret, vault.apply(VaultLayout.MYSQL_ROOT), newPassword);
            case MongoLauncher.SERVICE -> mongodb(secret, newPassword);
            case AmqpLauncher.SERVICE -> amqp(secret, newPassword);
            case "redis" ->
                redisNodes(
                        secret.get("password"),
                        redis -> redis.aclSetuser("default", AclSetuserArgs.Builder.addPassword(newPassword)));
            default -> throw new IllegalArgumentException("no live password change for " + service);
        }
    }

    /** Only the new password works from now on. */
    void finish(String service, String newPassword) {
        if (service.equals("redis")) {
            // requirepass replaces the default user's passwords with this one; masterauth for replicas to come
            redisNodes(newPassword, redis -> {
                redis.configSet(Map.of("masterauth", newPassword));
                redis.configSet(Map.of("requirepass", newPassword));
                redis.configRewrite();
            });
        }
    }

    /** As the superuser ({@code secret/postgres-admin}): only it may keep the statement out of the server log. */
    private static void postgres(Map<String, String> secret, Map<String, String> admin, String password)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + PostgresLauncher.PORT + "/postgres",
                        admin.get("user"),
                        admin.get("password"));
                Statement s = c.createStatement()) {
            s.execute("SET log_statement = 'none'");
            s.execute("SET log_min_error_statement = 'panic'");
            s.execute("ALTER ROLE " + identifier(secret.get("user")) + " WITH PASSWORD '" + password.replace("'", "''")
                    + "'");
        }
    }

    /** As root ({@code secret/mysql-root}): {@code dev_user} exists for three hosts, all get the new password. */
    private static void mariadb(Map<String, String> secret, Map<String, String> root, String password)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + MariaDbLauncher.PORT + "/",
                        root.get("user"),
                        root.get("password"));
                Statement s = c.createStatement()) {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                s.execute("ALTER USER " + literal(secret.get("user")) + "@" + literal(host) + " IDENTIFIED BY "
                        + literal(password));
            }
        }
    }

    /** The user exists in {@code admin} and in its own database (see {@code MongoLauncher}): both change. */
    private static void mongodb(Map<String, String> secret, String password) {
        String user = secret.get("user");
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", MongoLauncher.PORT)))
                        .serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createScramSha256Credential(
                        user, "admin", secret.get("password").toCharArray()))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            for (String database : List.of(secret.getOrDefault("database", "dev_database"), "admin")) {
                client.getDatabase(database).runCommand(new Document("updateUser", user).append("pwd", password));
            }
        }
    }

    /** One action on every cluster node, each over its own connection logged in with {@code password}. */
    private static void redisNodes(String password, Consumer<RedisCommands<String, String>> action) {
        for (StackService node : StackServices.redisNodes()) {
            RedisClient client = RedisClient.create(RedisURI.builder()
                    .withHost("127.0.0.1")
                    .withPort(node.mainPort())
                    .withPassword(password.toCharArray())
                    .withTimeout(Duration.ofSeconds(5))
                    .build());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                action.accept(connection.sync());
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }

    /**
     * The broker watches its credentials file (see {@code AmqpBrokerMain}): a new one is applied and deleted at
     * once. Done when the new password logs in.
     */
    private void amqp(Map<String, String> secret, String password) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", secret.get("user"));
        properties.setProperty("password", password);
        properties.setProperty("vhost", secret.getOrDefault("vhost", "dev_vhost"));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevstackHome.writePrivateFile(home.runDir().resolve(AmqpLauncher.CREDENTIALS_FILE), text.toString());
        long deadline = System.nanoTime() + AMQP_APPLY_TIMEOUT.toNanos();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(AmqpLauncher.PORT);
        factory.setUsername(secret.get("user"));
        factory.setPassword(password);
        factory.setVirtualHost(secret.getOrDefault("vhost", "dev_vhost"));
        factory.setAutomaticRecoveryEnabled(false);
        while (true) {
            try (com.rabbitmq.client.Connection ignored = factory.newConnection("devstack-rotate")) {
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the AMQP broker did not take the new password within "
                            + AMQP_APPLY_TIMEOUT.toSeconds() + " s — see ./devstack logs rabbitmq");
                }
                Thread.sleep(100);
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A MariaDB string literal (backslash escapes are on by default there). */
    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
