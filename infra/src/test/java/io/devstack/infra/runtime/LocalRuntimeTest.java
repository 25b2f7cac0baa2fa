package io.devstack.infra.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.PortCheck;
import io.devstack.infra.local.VaultLauncher;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole native stack, real processes on the standard ports, from a fresh DevStack home: one stack shared
 * by the ordered steps below (starting it is the expensive part). Binaries and the OpenBao venv are cached
 * outside the home so a rerun does not unpack them again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRuntimeTest {

    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "devstack-test-tools");
    private static final Progress PROGRESS = m -> System.out.println("[stack] " + m);

    private static DevstackHome home;
    private static LocalRuntime runtime;
    private static final String MARK = UUID.randomUUID().toString();

    @BeforeAll
    static void freshHome() throws Exception {
        List<PortCheck.Conflict> busy = PortCheck.conflicts(
                Map.of("stack", List.of(8200, 8201, 5432, 3306, 6379, 6380, 6381, 16379, 16380, 16381, 5672, 27017)));
        Assumptions.assumeTrue(
                busy.isEmpty(),
                () -> "the stack's ports must be free for this test: "
                        + busy.getFirst().message());
        home = new DevstackHome(Path.of("target", "stack-test-home").toAbsolutePath());
        deleteRecursively(home.root());
        Files.createDirectories(home.root());
        for (String shared : List.of("bin", "tools")) {
            Files.createDirectories(CACHE.resolve(shared));
            Files.createSymbolicLink(home.root().resolve(shared), CACHE.resolve(shared));
        }
        runtime = new LocalRuntime(home);
    }

    @AfterAll
    static void stopEverything() {
        if (runtime != null) {
            runtime.down(false, PROGRESS);
        }
    }

    @Test
    @Order(1)
    void upBringsEveryServiceToHealthyWithTheVaultCredentials() {
        StackReport report = runtime.up(Set.of(), PROGRESS);
        System.out.println("[stack] first up: " + report.elapsed().toMillis() + " ms");

        assertThat(report.kind()).isEqualTo(StackReport.StartKind.FIRST_START);
        assertThat(report.rows())
                .filteredOn(r -> r.status().startsWith("healthy"))
                .extracting(StackReport.Row::service)
                .containsExactly("vault", "postgres", "mysql", "redis-1", "redis-2", "redis-3", "rabbitmq", "mongodb");
        assertThat(report.rows())
                .filteredOn(r -> r.status().equals("compose only"))
                .extracting(StackReport.Row::service)
                .containsExactly("pgbouncer", "forgejo");
        List<ServiceHealth> health = runtime.health();
        assertThat(health)
                .extracting(ServiceHealth::service)
                .containsExactly(
                        "vault",
                        "postgres",
                        "mysql",
                        "redis-1",
                        "redis-2",
                        "redis-3",
                        "rabbitmq",
                        "mongodb",
                        "redis-cluster");
        assertThat(health)
                .allSatisfy(h -> assertThat(h.healthy())
                        .as(h.service() + ": " + h.detail())
                        .isTrue());
        assertThat(runtime.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("running"));
    }

    @Test
    @Order(2)
    void theRedisClusterCoversEverySlotAndAnyNodeServesAnyKey() {
        String password = secret("redis-1").get("password");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add("devstack-test:" + i);
        }
        // write through a client that only knows redis-1, read through one that only knows redis-3
        try (Cluster writer = new Cluster(6379, password);
                Cluster reader = new Cluster(6381, password)) {
            Collection<RedisClusterNode> nodes =
                    writer.connection.getPartitions().getPartitions();
            assertThat(nodes)
                    .hasSize(3)
                    .allSatisfy(n -> assertThat(n.getUri().getHost()).isEqualTo("127.0.0.1"));
            assertThat(nodes.stream().mapToInt(n -> n.getSlots().size()).sum()).isEqualTo(16384);
            keys.forEach(k -> writer.connection.sync().set(k, MARK));
            assertThat(keys.stream()
                            .map(k -> writer.connection.sync().clusterKeyslot(k))
                            .distinct()
                            .count())
                    .isGreaterThan(10);
            keys.forEach(k -> assertThat(reader.connection.sync().get(k)).isEqualTo(MARK));
        }
    }

    @Test
    @Order(3)
    void downLeavesNoProcessAndUpAgainReusesSecretsAndData() throws Exception {
        String rootToken = runtime.runningVault(Progress.SILENT).admin().rootToken();
        Map<String, String> postgres = secret("postgres");
        Map<String, String> mongodb = secret("mongodb");
        try (Connection c = postgres(postgres);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS devstack_test (mark text)");
            s.execute("INSERT INTO devstack_test VALUES ('" + MARK + "')");
        }
        try (MongoClient mongo = mongo(mongodb)) {
            mongo.getDatabase("dev_database").getCollection("devstack_test").insertOne(new Document("mark", MARK));
        }
        Map<String, String> rabbitmq = secret("rabbitmq");
        try (com.rabbitmq.client.Connection amqp = amqp(rabbitmq);
                Channel channel = amqp.createChannel()) {
            channel.queueDeclare("devstack-test", true, false, false, null);
            channel.basicPublish(
                    "",
                    "devstack-test",
                    MessageProperties.PERSISTENT_TEXT_PLAIN,
                    MARK.getBytes(StandardCharsets.UTF_8));
        }
        List<ProcessHandle> processes = stackProcesses();
        assertThat(processes).hasSizeGreaterThanOrEqualTo(8 + 4); // postgres has its own worker children
        assertThat(runtime.pids()).containsKey("supervisor");

        runtime.down(false, PROGRESS);
        assertThat(runtime.supervisorState().running()).isFalse();

        assertThat(processes)
                .allSatisfy(p ->
                        assertThat(gone(p)).as("pid %d left behind", p.pid()).isTrue());
        assertThat(runtime.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("stopped"));

        StackReport again = runtime.up(Set.of(), PROGRESS);
        System.out.println("[stack] warm up: " + again.elapsed().toMillis() + " ms");

        assertThat(again.kind()).isEqualTo(StackReport.StartKind.RESTART);
        assertThat(runtime.runningVault(Progress.SILENT).admin().rootToken()).isEqualTo(rootToken);
        assertThat(secret("postgres")).isEqualTo(postgres);
        try (Connection c = postgres(secret("postgres"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM devstack_test WHERE mark = '" + MARK + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (MongoClient mongo = mongo(secret("mongodb"))) {
            assertThat(mongo.getDatabase("dev_database")
                            .getCollection("devstack_test")
                            .countDocuments(new Document("mark", MARK)))
                    .isEqualTo(1);
        }
        try (com.rabbitmq.client.Connection amqp = amqp(secret("rabbitmq"));
                Channel channel = amqp.createChannel()) {
            GetResponse message = channel.basicGet("devstack-test", true);
            assertThat(message)
                    .as("the persistent message survived the restart")
                    .isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo(MARK);
        }
        assertThat(runtime.health())
                .allSatisfy(h -> assertThat(h.healthy()).as(h.service()).isTrue());
    }

    @Test
    @Order(4)
    void aPasswordRotatedInVaultIsAppliedByTheNextUp() throws Exception {
        Map<String, String> rotated = new LinkedHashMap<>(secret("postgres"));
        rotated.put("password", "rotated-" + UUID.randomUUID().toString().substring(0, 12));
        runtime.runningVault(Progress.SILENT).admin().writeSecret("postgres", rotated);

        runtime.stopService("postgres");
        runtime.startService("postgres", PROGRESS);

        try (Connection c = postgres(rotated);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        // no password ever lands in a log: not the rotated one, not any other Vault issued
        List<String> passwords = new ArrayList<>(List.of(rotated.get("password")));
        for (String name : List.of("mysql", "mongodb", "redis-1", "rabbitmq")) {
            passwords.add(secret(name).get("password"));
        }
        try (var logs = Files.list(home.logsDir())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                passwords.forEach(
                        p -> assertThat(text).as(log.getFileName().toString()).doesNotContain(p));
            }
        }
    }

    @Test
    @Order(5)
    void aPortInUseFailsWithOneLineNamingPortServiceAndFixAndStartsNothing() throws Exception {
        runtime.down(false, PROGRESS);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 6380));

            assertThatThrownBy(() -> runtime.up(Set.of(), PROGRESS))
                    .isInstanceOf(StackException.class)
                    .satisfies(
                            e -> assertThat(((StackException) e).exitCode()).isEqualTo(StackException.EXIT_PORT_IN_USE))
                    .hasMessageStartingWith("port 6380 (redis-2) is in use by pid "
                            + ProcessHandle.current().pid())
                    .hasMessageContaining("./devstack down")
                    .hasMessageNotContaining("\n");
        }
        assertThat(runtime.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("stopped"));
    }

    @Test
    @Order(6)
    void aServiceThatCannotStartStopsWhatThisUpStartedAndShowsItsLog() throws Exception {
        // a corrupt PostgreSQL data directory: the server exits at once
        Path pgVersion = home.dataDir("postgres").resolve("PG_VERSION");
        String original = Files.readString(pgVersion);
        Files.writeString(pgVersion, "9\n");
        try {
            assertThatThrownBy(() -> runtime.up(Set.of(), PROGRESS))
                    .isInstanceOf(StackException.class)
                    .hasMessageStartingWith("postgres: ")
                    .satisfies(e -> assertThat(((StackException) e).details())
                            .isNotEmpty()
                            .anySatisfy(line -> assertThat(line).contains("9")))
                    // a stack trace (an unexpected failure in a test, a log) shows the same lines
                    .satisfies(e -> assertThat(e.toString())
                            .contains(((StackException) e).details().getLast()));
            assertThat(runtime.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("stopped"));
            assertThat(PortCheck.isFree(VaultLauncher.PORT)).isTrue();
        } finally {
            Files.writeString(pgVersion, original);
        }
    }

    @Test
    @Order(7)
    void downWithVolumesWipesTheState() {
        runtime.up(Set.of(), PROGRESS);
        runtime.down(true, PROGRESS);

        assertThat(home.dataRoot()).doesNotExist();
        assertThat(home.vaultDir()).doesNotExist();
        assertThat(home.approleRoot()).doesNotExist();
        assertThat(runtime.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("stopped"));
        assertThat(home.binRoot()).exists();
    }

    private static Map<String, String> secret(String name) {
        return runtime.runningVault(Progress.SILENT).admin().readSecret(name);
    }

    private static Connection postgres(Map<String, String> secret) throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + secret.get("database"),
                secret.get("user"),
                secret.get("password"));
    }

    private static com.rabbitmq.client.Connection amqp(Map<String, String> secret) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername(secret.get("user"));
        factory.setPassword(secret.get("password"));
        factory.setVirtualHost(secret.get("vhost"));
        return factory.newConnection();
    }

    private static MongoClient mongo(Map<String, String> secret) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", 27017))))
                .credential(MongoCredential.createScramSha256Credential(
                        secret.get("user"), "admin", secret.get("password").toCharArray()))
                .build());
    }

    /** Every process of the stack, children included (PostgreSQL's workers). */
    private static List<ProcessHandle> stackProcesses() {
        List<ProcessHandle> all = new ArrayList<>();
        runtime.pids()
                .values()
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(p -> {
                    all.add(p);
                    all.addAll(p.descendants().toList());
                }));
        return all;
    }

    private static boolean gone(ProcessHandle p) {
        if (!p.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z'; // reaped by nobody yet, but not running
        } catch (Exception e) {
            return true;
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.isSymbolicLink(dir) || !Files.exists(dir)) {
            Files.deleteIfExists(dir);
            return;
        }
        try (var children = Files.list(dir)) {
            for (Path child : children.toList()) {
                deleteRecursively(child);
            }
        }
        Files.delete(dir);
    }

    /** A lettuce cluster client seeded with one node only. */
    private static final class Cluster implements AutoCloseable {
        final RedisClusterClient client;
        final StatefulRedisClusterConnection<String, String> connection;

        Cluster(int seedPort, String password) {
            client = RedisClusterClient.create(RedisURI.builder()
                    .withHost("127.0.0.1")
                    .withPort(seedPort)
                    .withPassword(password.toCharArray())
                    .withTimeout(Duration.ofSeconds(5))
                    .build());
            connection = client.connect();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
