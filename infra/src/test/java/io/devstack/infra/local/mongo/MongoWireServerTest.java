package io.devstack.infra.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real mongodb-driver-sync against the server over real sockets. */
class MongoWireServerTest {

    private static final int PORT = 27100;
    private static final String DATABASE = "appdb";
    private static final String USER = "app";
    private static final char[] PASSWORD = "s3cret-Pässword".toCharArray();

    @TempDir
    Path dir;

    private Path dataDir;
    private Path usersFile;
    private MongoWireServer server;
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        dataDir = dir.resolve("data");
        usersFile = dir.resolve("mongodb-users.json");
        MongoUsers.write(usersFile, List.of(MongoUsers.derive(DATABASE, USER, PASSWORD)));
        server = MongoWireServer.start(new InetSocketAddress("127.0.0.1", PORT), dataDir, usersFile);
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRightPasswordCanInsertFindListAndDrop() {
        MongoDatabase db = client(credential(USER, PASSWORD)).getDatabase(DATABASE);
        MongoCollection<Document> things = db.getCollection("things");

        things.insertOne(new Document("_id", 1).append("name", "first"));
        things.insertOne(new Document("_id", 2).append("name", "second"));

        assertThat(things.find(new Document("_id", 2)).first()).containsEntry("name", "second");
        assertThat(db.listCollectionNames()).containsExactly("things");
        things.drop();
        assertThat(db.listCollectionNames()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRejected() {
        MongoClient client = client(credential(USER, "wrong".toCharArray()));

        assertThatThrownBy(() ->
                        client.getDatabase(DATABASE).getCollection("things").countDocuments())
                .isInstanceOf(MongoSecurityException.class)
                .rootCause()
                .hasMessageContaining("Authentication failed");
    }

    @Test
    void anUnknownUserIsRejected() {
        MongoClient client = client(credential("intruder", PASSWORD));

        assertThatThrownBy(() ->
                        client.getDatabase(DATABASE).getCollection("things").countDocuments())
                .isInstanceOf(MongoSecurityException.class);
    }

    @Test
    void withoutCredentialsDataCommandsAreUnauthorized() {
        MongoClient client = client(null);

        assertThatThrownBy(() ->
                        client.getDatabase(DATABASE).getCollection("things").insertOne(new Document("a", 1)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(13);
                    assertThat(e.getErrorCodeName()).isEqualTo("Unauthorized");
                    assertThat(e.getErrorMessage()).isEqualTo("command insert requires authentication");
                });
        assertThatThrownBy(() -> client.listDatabaseNames().first())
                .isInstanceOfSatisfying(
                        MongoCommandException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(13));
    }

    @Test
    void handshakeCommandsAnswerBeforeAuthenticationAndOfferScramSha256OnlyForKnownUsers() {
        MongoDatabase admin = client(null).getDatabase("admin");

        assertThat(admin.runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
        assertThat(admin.runCommand(new Document("buildInfo", 1)).getString("version"))
                .isEqualTo("5.0.0");
        Document known = admin.runCommand(new Document("hello", 1).append("saslSupportedMechs", DATABASE + "." + USER));
        Document unknown =
                admin.runCommand(new Document("isMaster", 1).append("saslSupportedMechs", DATABASE + ".nobody"));

        assertThat(known.getList("saslSupportedMechs", String.class)).containsExactly("SCRAM-SHA-256");
        assertThat(known.getBoolean("isWritablePrimary")).isTrue();
        assertThat(unknown).doesNotContainKey("saslSupportedMechs").containsEntry("ismaster", true);
    }

    @Test
    void anAuthenticatedUserStaysInItsOwnDatabase() {
        MongoClient client = client(credential(USER, PASSWORD));
        client.getDatabase(DATABASE).getCollection("things").insertOne(new Document("a", 1));

        assertThat(client.listDatabaseNames()).containsExactly(DATABASE);
        assertThat(client.getDatabase("admin")
                        .runCommand(new Document("connectionStatus", 1))
                        .get("authInfo", Document.class)
                        .getList("authenticatedUsers", Document.class))
                .containsExactly(new Document("user", USER).append("db", DATABASE));
        assertThatThrownBy(
                        () -> client.getDatabase("otherdb").getCollection("x").insertOne(new Document("a", 1)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(13);
                    assertThat(e.getErrorMessage()).isEqualTo("not authorized on otherdb to execute command insert");
                });
        assertThatThrownBy(() -> client.getDatabase(DATABASE)
                        .getCollection("things")
                        .aggregate(List.of(new Document(
                                "$merge", new Document("into", new Document("db", "otherdb").append("coll", "copy")))))
                        .toCollection())
                .isInstanceOfSatisfying(
                        MongoCommandException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(13));
        client.getDatabase(DATABASE)
                .getCollection("things")
                .aggregate(List.of(new Document(
                        "$merge", new Document("into", new Document("db", DATABASE).append("coll", "copy")))))
                .toCollection();
        assertThat(client.getDatabase(DATABASE).getCollection("copy").countDocuments())
                .isEqualTo(1);
    }

    @Test
    void documentsSurviveARestart() {
        client(credential(USER, PASSWORD))
                .getDatabase(DATABASE)
                .getCollection("kept")
                .insertOne(new Document("_id", "k").append("value", 42));
        clients.forEach(MongoClient::close);
        clients.clear();
        server.close();
        server = null;

        server = MongoWireServer.start(new InetSocketAddress("127.0.0.1", PORT), dataDir, usersFile);
        MongoDatabase db = client(credential(USER, PASSWORD)).getDatabase(DATABASE);

        assertThat(db.listCollectionNames()).containsExactly("kept");
        assertThat(db.getCollection("kept").find().first()).containsEntry("value", 42);
    }

    @Test
    void aPooledClientReusesAuthenticatedConnections() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        MongoClient client = client(
                credential(USER, PASSWORD),
                settings -> settings.applyToConnectionPoolSettings(
                        pool -> pool.maxSize(4).addConnectionPoolListener(new ConnectionPoolListener() {
                            @Override
                            public void connectionCreated(ConnectionCreatedEvent event) {
                                opened.incrementAndGet();
                            }
                        })));
        MongoCollection<Document> counters = client.getDatabase(DATABASE).getCollection("counters");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int t = thread;
            work.add(threads.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    counters.insertOne(new Document("thread", t).append("i", i));
                    assertThat(counters.find(new Document("thread", t).append("i", i))
                                    .first())
                            .isNotNull();
                }
            }));
        }
        for (Future<?> done : work) {
            done.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(counters.countDocuments()).isEqualTo(100);
        assertThat(opened.get()).isBetween(1, 4);
    }

    /** The plain saslStart/saslContinue path, including the empty last step of clients that do not skip it. */
    @Test
    void theFullSaslConversationAuthenticatesTheConnectionItRanOn() {
        MongoClient client = client(null, settings -> settings.applyToConnectionPoolSettings(pool -> pool.maxSize(1)));
        MongoDatabase db = client.getDatabase(DATABASE);
        String clientFirstBare = "n=" + USER + ",r=fyko+d2lbbFgONRv9qkxdawL";

        Document first = db.runCommand(new Document("saslStart", 1)
                .append("mechanism", "SCRAM-SHA-256")
                .append("payload", new Binary(("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8))));
        String serverFirst = text(first);
        Map<String, String> fields = attributes(serverFirst);
        byte[] salted = ScramSha256.saltedPassword(
                PASSWORD, Base64.getDecoder().decode(fields.get("s")), Integer.parseInt(fields.get("i")));
        String withoutProof = "c=biws,r=" + fields.get("r");
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = ScramSha256.clientKey(salted);
        byte[] signature = ScramSha256.hmac(ScramSha256.storedKey(clientKey), authMessage);
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] ^= signature[i];
        }
        Document second = db.runCommand(new Document("saslContinue", 1)
                .append("conversationId", first.get("conversationId"))
                .append(
                        "payload",
                        new Binary((withoutProof + ",p=" + Base64.getEncoder().encodeToString(clientKey))
                                .getBytes(StandardCharsets.UTF_8))));
        Document last = db.runCommand(
                new Document("saslContinue", 1).append("conversationId", 1).append("payload", new Binary(new byte[0])));

        assertThat(fields.get("r")).startsWith("fyko+d2lbbFgONRv9qkxdawL");
        assertThat(first.getBoolean("done")).isFalse();
        assertThat(second.getBoolean("done")).isFalse();
        assertThat(text(second))
                .isEqualTo("v="
                        + Base64.getEncoder()
                                .encodeToString(
                                        ScramSha256.serverSignature(ScramSha256.serverKey(salted), authMessage)));
        assertThat(last.getBoolean("done")).isTrue();
        db.getCollection("things").insertOne(new Document("after", "auth"));
        assertThat(db.getCollection("things").countDocuments()).isEqualTo(1);
    }

    @Test
    void helloAnswersSpeculativeAuthenticationOnlyForKnownUsers() {
        MongoDatabase admin = client(null).getDatabase("admin");
        Function<String, Document> hello = user -> admin.runCommand(new Document("hello", 1)
                .append(
                        "speculativeAuthenticate",
                        new Document("saslStart", 1)
                                .append("mechanism", "SCRAM-SHA-256")
                                .append(
                                        "payload",
                                        new Binary(("n,,n=" + user + ",r=abc").getBytes(StandardCharsets.UTF_8)))
                                .append("db", DATABASE)));

        Document speculative = hello.apply(USER).get("speculativeAuthenticate", Document.class);

        assertThat(speculative.getInteger("conversationId")).isEqualTo(1);
        assertThat(text(speculative)).startsWith("r=abc").contains(",i=15000");
        assertThat(hello.apply("nobody")).doesNotContainKey("speculativeAuthenticate");
    }

    private static String text(Document saslReply) {
        return new String(saslReply.get("payload", Binary.class).getData(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> attributes(String scramMessage) {
        Map<String, String> attributes = new HashMap<>();
        for (String field : scramMessage.split(",")) {
            attributes.put(field.substring(0, 1), field.substring(2));
        }
        return attributes;
    }

    @Test
    void updateUserChangesOnlyTheCallersOwnPasswordAndTheOldOneStopsWorking() {
        MongoClient old = client(credential(USER, PASSWORD));
        MongoDatabase db = old.getDatabase(DATABASE);
        db.getCollection("things").insertOne(new Document("_id", 1));

        assertThatThrownBy(() -> db.runCommand(new Document("updateUser", "someone-else").append("pwd", "x")))
                .isInstanceOf(MongoCommandException.class)
                .hasMessageContaining("not authorized");
        db.runCommand(new Document("updateUser", USER).append("pwd", "rotated-Pässword"));

        assertThat(db.getCollection("things").countDocuments())
                .as("an authenticated connection stays so")
                .isEqualTo(1);
        assertThat(client(credential(USER, "rotated-Pässword".toCharArray()))
                        .getDatabase(DATABASE)
                        .getCollection("things")
                        .countDocuments())
                .isEqualTo(1);
        assertThatThrownBy(() -> client(credential(USER, PASSWORD))
                        .getDatabase(DATABASE)
                        .listCollectionNames()
                        .first())
                .isInstanceOf(MongoSecurityException.class);
    }

    @Test
    void aTakenPortIsOneLineNamingThePort() {
        assertThatThrownBy(() -> MongoWireServer.start(
                        new InetSocketAddress("127.0.0.1", PORT), dir.resolve("other"), usersFile))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Port " + PORT
                        + " on 127.0.0.1 is already in use; stop what listens there or choose another port");
    }

    private static MongoCredential credential(String user, char[] password) {
        return MongoCredential.createCredential(user, DATABASE, password);
    }

    private MongoClient client(MongoCredential credential) {
        return client(credential, settings -> {});
    }

    private MongoClient client(MongoCredential credential, Consumer<MongoClientSettings.Builder> customizer) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.hosts(List.of(new ServerAddress("127.0.0.1", PORT)))
                        .serverSelectionTimeout(5, TimeUnit.SECONDS));
        if (credential != null) {
            settings.credential(credential);
        }
        customizer.accept(settings);
        MongoClient client = MongoClients.create(settings.build());
        clients.add(client);
        return client;
    }
}
