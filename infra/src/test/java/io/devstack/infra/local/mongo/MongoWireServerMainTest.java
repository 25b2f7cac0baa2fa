package io.devstack.infra.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point as the native runtime runs it: its own JVM, stopped with SIGTERM. */
class MongoWireServerMainTest {

    private static final int PORT = 27102;
    private static final char[] PASSWORD = "main-test-password".toCharArray();

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesAuthenticatedClientsAndStopsCleanlyOnSigterm() throws Exception {
        Path users = dir.resolve("users.json");
        MongoUsers.write(users, List.of(MongoUsers.derive("appdb", "app", PASSWORD)));
        process = launch(
                "--bind",
                "127.0.0.1",
                "--port",
                String.valueOf(PORT),
                "--data",
                dir.resolve("data").toString(),
                "--users",
                users.toString());
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

        assertThat(stdout.readLine())
                .isEqualTo("mongodb-wire listening on 127.0.0.1:" + PORT + " (SCRAM-SHA-256 required)");
        try (MongoClient client = client()) {
            MongoCollection<Document> things = client.getDatabase("appdb").getCollection("things");
            things.insertOne(new Document("from", "main"));
            assertThat(things.countDocuments()).isEqualTo(1);
        }
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(stdout.readLine()).isEqualTo("mongodb-wire stopped");
    }

    @Test
    void anAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
        Path users = dir.resolve("users.json");
        MongoUsers.write(users, List.of(MongoUsers.derive("appdb", "app", PASSWORD)));
        String[] args = {
            "--bind",
            "127.0.0.1",
            "--port",
            String.valueOf(PORT),
            "--data",
            dir.resolve("data").toString(),
            "--users",
            users.toString()
        };
        process = launch(args);
        awaitListening(process);
        try (MongoClient client = client()) {
            client.getDatabase("appdb").getCollection("things").insertOne(new Document("n", 1));
        }
        process.toHandle().destroyForcibly(); // SIGKILL right after the acknowledgement: no shutdown hook runs
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        process = launch(args);
        awaitListening(process);
        try (MongoClient client = client()) {
            assertThat(client.getDatabase("appdb").getCollection("things").countDocuments())
                    .isEqualTo(1);
        }
    }

    private static void awaitListening(Process process) throws IOException {
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(stdout.readLine()).startsWith("mongodb-wire listening on");
    }

    @Test
    void aMissingUsersFileIsOneLineAndExitCodeTwo() throws Exception {
        process = launch(
                "--bind",
                "127.0.0.1",
                "--port",
                String.valueOf(PORT),
                "--data",
                dir.resolve("data").toString(),
                "--users",
                dir.resolve("absent.json").toString());

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("mongodb-wire: MongoDB users file " + dir.resolve("absent.json")
                        + " does not exist; create it with MongoUsers.write (devstack up does)"
                        + System.lineSeparator());
    }

    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(MongoWireServerMain.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MongoWireServerMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static MongoClient client() {
        return MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", PORT)))
                        .serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createCredential("app", "appdb", PASSWORD))
                .build());
    }
}
