package io.devstack.infra.local;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.mongo.MongoUsers;
import io.devstack.infra.local.mongo.MongoWireServerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The MongoDB-wire server ({@link MongoWireServerMain}) as its own small JVM. Its users file is derived from
 * Vault's {@code mongodb} secret on every start (SCRAM keys only, never the password): the user is defined in
 * {@code admin} (as the compose runtime's root user) and in its own database, so either auth source works.
 */
public final class MongoLauncher implements BackendLauncher {

    public static final String SERVICE = "mongodb";
    public static final int PORT = 27017;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;

    public MongoLauncher(ProcessSupervisor supervisor) {
        this.supervisor = supervisor;
        this.home = supervisor.home();
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public List<Integer> ports() {
        return List.of(PORT);
    }

    @Override
    public String credentialsHint() {
        return "./devstack vault show-password mongodb (user dev_user)";
    }

    @Override
    public void start(SecretSource secrets, Progress progress) {
        String user = secrets.field(SERVICE, "user");
        char[] password = secrets.field(SERVICE, "password").toCharArray();
        String database = secrets.read(SERVICE).getOrDefault("database", "dev_database");
        Path usersFile = home.runDir().resolve("mongodb-users.json");
        MongoUsers.write(
                usersFile,
                List.of(MongoUsers.derive("admin", user, password), MongoUsers.derive(database, user, password)));
        Arrays.fill(password, '\0');
        Path data = DevstackHome.privateDirectory(home.dataDir(SERVICE));
        List<String> command = ChildJvm.serverCommand(
                MongoWireServerMain.class,
                "128m",
                List.of("-XX:MaxDirectMemorySize=64m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
                List.of(
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(PORT),
                        "--data",
                        data.toString(),
                        "--users",
                        usersFile.toString()));
        progress.step("mongodb: starting the MongoDB-wire server on 127.0.0.1:" + PORT);
        long pid = supervisor.start(SERVICE, command, Map.of(), data);
        try {
            Readiness.await(supervisor, SERVICE, READY_TIMEOUT, () -> probe(secrets));
            ChildJvm.endRecording(pid, command);
        } finally {
            // read once at startup; the SCRAM keys need not stay on disk (rewritten on every start)
            try {
                Files.deleteIfExists(usersFile);
            } catch (IOException ignored) {
                // 0600 in the 0700 run folder
            }
        }
    }

    @Override
    public String probe(SecretSource secrets) {
        Map<String, String> secret = secrets.read(SERVICE);
        String user = secrets.field(SERVICE, "user");
        String database = secret.getOrDefault("database", "dev_database");
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", PORT)))
                        .serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(
                        s -> s.connectTimeout(3, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .credential(MongoCredential.createScramSha256Credential(
                        user, "admin", secrets.field(SERVICE, "password").toCharArray()))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase db = client.getDatabase(database);
            db.runCommand(new Document("ping", 1));
            List<String> collections = db.listCollectionNames().into(new ArrayList<>());
            return "ping + listCollections as " + user + " (" + collections.size() + " collections)";
        }
    }
}
