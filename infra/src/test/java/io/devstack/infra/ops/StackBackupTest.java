package io.devstack.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.StackException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore of the real shared stack: data in every service, an encrypted backup, changes and deletions
 * (and a rotated password), a restore, and exactly the first state read back. Leaves the stack running on the same
 * ports, its test data removed.
 */
@Order(StackClients.AFTER_OWN_STACK_TESTS)
class StackBackupTest {

    private static final Progress PROGRESS = m -> System.out.println("[backup-test] " + m);
    private static final String TABLE = "ops_backup_test";
    private static final String QUEUE = "ops-backup-test";
    private static final String VAULT_SECRET = "ops-backup-test";
    private static final Date WHEN = new Date(1_767_225_600_000L);

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private static LocalRuntime runtime;
    private static BackupStore store;
    private static BackupStore.Stored backup;

    /** One encrypted backup of a known state, shared by both tests (a backup pauses two servers: do it once). */
    @BeforeAll
    static void backUpAKnownState(@TempDir Path backups) throws Exception {
        runtime = StackClients.runtime();
        writeFirstState();
        store = new BackupStore(backups);
        backup = new StackBackup(runtime).backup(store, BackupCipher.create(PASSPHRASE), PROGRESS);
    }

    @AfterAll
    static void removeTestData() throws Exception {
        try (Connection c = StackClients.postgres(StackClients.secret("postgres"));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE + ", " + TABLE + "_later");
        }
        try (Connection c = StackClients.mariadb(StackClients.secret("mysql"));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE + ", " + TABLE + "_later");
        }
        try (MongoClient mongo = StackClients.mongo(StackClients.secret("mongodb"))) {
            mongo.getDatabase("dev_database").getCollection(TABLE).drop();
            mongo.getDatabase("dev_database").getCollection(TABLE + "_later").drop();
        }
        try (StackClients.RedisCluster redis = StackClients.redis(StackClients.secret("redis-1"))) {
            redis.connection().sync().del("ops:backup:s", "ops:backup:h", "ops:backup:ttl", "ops:backup:new");
        }
        try (com.rabbitmq.client.Connection amqp = StackClients.amqp(StackClients.secret("rabbitmq"));
                Channel channel = amqp.createChannel()) {
            channel.queueDelete(QUEUE);
        }
        assertThat(runtime.health())
                .allSatisfy(h -> assertThat(h.healthy())
                        .as(h.service() + ": " + h.detail())
                        .isTrue());
    }

    @Test
    void anEncryptedBackupRestoresExactlyTheFirstStateAndRefusesAWrongPassphrase() throws Exception {
        assertThat(backup.manifest().encrypted()).isTrue();
        assertThat(backup.manifest().services())
                .containsOnlyKeys("vault", "redis", "mongodb", "mysql", "postgres", "rabbitmq");
        assertThat(backup.manifest().files())
                .allSatisfy(f -> assertThat(f.path()).endsWith(".enc"));
        assertThat(backup.manifest().problems(backup.folder())).isEmpty();
        assertThat(store.list())
                .extracting(b -> b.manifest().name())
                .contains(backup.manifest().name());
        assertThat(Files.readString(backup.folder().resolve("mysql/dump.sql.enc"), StandardCharsets.ISO_8859_1))
                .as("encrypted at rest")
                .doesNotContain(TABLE);

        changeEverything();

        assertThatThrownBy(() -> BackupCipher.open(
                        "wrong passphrase".toCharArray(), backup.manifest().encryption()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("wrong passphrase");
        new StackBackup(runtime)
                .restore(
                        store.open(backup.manifest().name()),
                        BackupCipher.open(PASSPHRASE, backup.manifest().encryption()),
                        PROGRESS);

        assertFirstState();
        assertThat(runtime.health())
                .allSatisfy(h -> assertThat(h.healthy()).as(h.service()).isTrue());
        try (var run = Files.list(runtime.home().runDir())) {
            assertThat(run.map(p -> p.getFileName().toString()))
                    .as("the decrypted staging folder is gone")
                    .noneMatch(n -> n.startsWith("restore-"));
        }
    }

    @Test
    void aBackupWithOneAlteredByteFailsVerifyAndIsNotRestored(@TempDir Path copies) throws Exception {
        Path copy = copies.resolve(backup.manifest().name());
        try (var files = Files.walk(backup.folder())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(backup.folder().relativize(file).toString()));
            }
        }
        BackupStore.Stored altered =
                new BackupStore(copies).open(backup.manifest().name());
        assertThat(altered.manifest().problems(altered.folder())).isEmpty();

        Path dump = altered.folder().resolve("mysql/dump.sql.enc");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dump, bytes);

        assertThat(altered.manifest().problems(altered.folder()))
                .containsExactly("mysql/dump.sql.enc: SHA-256 differs from the manifest (the file was altered)");
        assertThatThrownBy(() -> new StackBackup(runtime)
                        .restore(
                                altered,
                                BackupCipher.open(PASSPHRASE, altered.manifest().encryption()),
                                PROGRESS))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("fails its checksums")
                .hasMessageContaining("nothing was changed");
    }

    private static void writeFirstState() throws Exception {
        try (Connection c = StackClients.postgres(StackClients.secret("postgres"));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE + ", " + TABLE + "_later");
            s.execute("CREATE TABLE " + TABLE + " (id int PRIMARY KEY, note text)");
            s.execute("INSERT INTO " + TABLE + " VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
        try (Connection c = StackClients.mariadb(StackClients.secret("mysql"));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE + ", " + TABLE + "_later");
            s.execute("CREATE TABLE " + TABLE + " (id int PRIMARY KEY, note varchar(20))");
            s.execute("INSERT INTO " + TABLE + " VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
        try (MongoClient mongo = StackClients.mongo(StackClients.secret("mongodb"))) {
            MongoCollection<Document> collection =
                    mongo.getDatabase("dev_database").getCollection(TABLE);
            collection.drop();
            collection.insertMany(List.of(document(1), document(2), document(3)));
            collection.createIndex(Indexes.ascending("n"));
        }
        try (StackClients.RedisCluster redis = StackClients.redis(StackClients.secret("redis-1"))) {
            var sync = redis.connection().sync();
            sync.set("ops:backup:s", "string");
            sync.hset("ops:backup:h", Map.of("a", "1", "b", "2"));
            sync.setex("ops:backup:ttl", 600, "expires");
            sync.del("ops:backup:new");
        }
        try (com.rabbitmq.client.Connection amqp = StackClients.amqp(StackClients.secret("rabbitmq"));
                Channel channel = amqp.createChannel()) {
            channel.queueDeclare(QUEUE, true, false, false, null);
            channel.queuePurge(QUEUE);
            for (String body : List.of("m1", "m2")) {
                channel.basicPublish(
                        "", QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
            }
        }
        runtime.runningVault(Progress.SILENT).admin().writeSecret(VAULT_SECRET, Map.of("value", "before"));
    }

    private static void changeEverything() throws Exception {
        try (Connection c = StackClients.postgres(StackClients.secret("postgres"));
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + TABLE + " WHERE id = 2");
            s.execute("UPDATE " + TABLE + " SET note = 'changed' WHERE id = 1");
            s.execute("CREATE TABLE " + TABLE + "_later (id int)");
        }
        try (Connection c = StackClients.mariadb(StackClients.secret("mysql"));
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + TABLE + " WHERE id = 2");
            s.execute("INSERT INTO " + TABLE + " VALUES (9, 'nine')");
            s.execute("CREATE TABLE " + TABLE + "_later (id int)");
        }
        try (MongoClient mongo = StackClients.mongo(StackClients.secret("mongodb"))) {
            mongo.getDatabase("dev_database").getCollection(TABLE).deleteOne(new Document("_id", 2));
            mongo.getDatabase("dev_database").getCollection(TABLE + "_later").insertOne(new Document("x", 1));
        }
        try (StackClients.RedisCluster redis = StackClients.redis(StackClients.secret("redis-1"))) {
            redis.connection().sync().del("ops:backup:s");
            redis.connection().sync().hset("ops:backup:h", "a", "changed");
            redis.connection().sync().set("ops:backup:new", "new");
        }
        try (com.rabbitmq.client.Connection amqp = StackClients.amqp(StackClients.secret("rabbitmq"));
                Channel channel = amqp.createChannel()) {
            assertThat(channel.basicGet(QUEUE, true)).isNotNull();
            channel.basicPublish(
                    "", QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN, "m3".getBytes(StandardCharsets.UTF_8));
        }
        runtime.runningVault(Progress.SILENT).admin().writeSecret(VAULT_SECRET, Map.of("value", "after"));
        // a rotated password after the backup: the restore brings back the backup's and the server takes it
        new PasswordRotation(runtime).rotate("postgres", PROGRESS);
    }

    private static void assertFirstState() throws Exception {
        try (Connection c = StackClients.postgres(StackClients.secret("postgres"));
                Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT id, note FROM " + TABLE + " ORDER BY id"))
                    .containsExactly("1:one", "2:two", "3:three");
            assertThat(rows(s, "SELECT count(*) FROM pg_tables WHERE tablename = '" + TABLE + "_later'"))
                    .containsExactly("0");
        }
        try (Connection c = StackClients.mariadb(StackClients.secret("mysql"));
                Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT id, note FROM " + TABLE + " ORDER BY id"))
                    .containsExactly("1:one", "2:two", "3:three");
            assertThat(rows(
                            s,
                            "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + TABLE + "_later'"))
                    .containsExactly("0");
        }
        try (MongoClient mongo = StackClients.mongo(StackClients.secret("mongodb"))) {
            var db = mongo.getDatabase("dev_database");
            assertThat(db.getCollection(TABLE)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new ArrayList<>()))
                    .containsExactly(document(1), document(2), document(3));
            assertThat(db.getCollection(TABLE).listIndexes().into(new ArrayList<>()))
                    .extracting(i -> i.getString("name"))
                    .contains("n_1");
            assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain(TABLE + "_later");
        }
        try (StackClients.RedisCluster redis = StackClients.redis(StackClients.secret("redis-1"))) {
            var sync = redis.connection().sync();
            assertThat(sync.get("ops:backup:s")).isEqualTo("string");
            assertThat(sync.hgetall("ops:backup:h")).isEqualTo(Map.of("a", "1", "b", "2"));
            assertThat(sync.get("ops:backup:ttl")).isEqualTo("expires");
            assertThat(sync.ttl("ops:backup:ttl")).isBetween(1L, 600L);
            assertThat(sync.exists("ops:backup:new")).isZero();
        }
        try (com.rabbitmq.client.Connection amqp = StackClients.amqp(StackClients.secret("rabbitmq"));
                Channel channel = amqp.createChannel()) {
            List<String> bodies = new ArrayList<>();
            for (GetResponse m = channel.basicGet(QUEUE, true); m != null; m = channel.basicGet(QUEUE, true)) {
                bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            assertThat(bodies).containsExactly("m1", "m2");
        }
        assertThat(StackClients.secret(VAULT_SECRET)).containsEntry("value", "before");
    }

    private static Document document(int id) {
        return new Document("_id", id)
                .append("n", (long) id * 1_000_000_000_000L)
                .append("when", WHEN)
                .append("bytes", new Binary(new byte[] {1, 2, (byte) id}))
                .append("nested", new Document("pi", 3.14159));
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(":", values));
            }
        }
        return rows;
    }
}
