package io.devstack.infra.ops;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import io.devstack.infra.local.BinaryVersions;
import io.devstack.infra.local.MongoLauncher;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The Mongo-wire server has no dump tool (no mongodump can be had here), and its H2 store is held open by the
 * server's JVM: a logical dump through the MongoDB Java driver, as {@code mongoexport} would write it — one
 * canonical Extended JSON line per document (every BSON type kept exactly) plus each collection's indexes.
 * It covers the stack's database ({@code dev_database}), the only one its user may use.
 */
final class MongoBackup implements ServiceBackup {

    private static final String DUMP = "documents.jsonl";
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    @Override
    public String service() {
        return MongoLauncher.SERVICE;
    }

    @Override
    public String version(Stack stack) {
        return "mongo-java-server " + BinaryVersions.of("mongo-java-server") + " (H2 store)";
    }

    @Override
    public String method() {
        return "logical dump through the Java driver, canonical Extended JSON (online; no mongodump ships)";
    }

    @Override
    public void save(Path dir, Stack stack) throws Exception {
        Map<String, String> secret = stack.secret(service());
        try (MongoClient client = client(secret);
                BufferedWriter out = Files.newBufferedWriter(dir.resolve(DUMP), StandardCharsets.UTF_8)) {
            MongoDatabase db = client.getDatabase(secret.getOrDefault("database", "dev_database"));
            for (String name : db.listCollectionNames().into(new ArrayList<>()).stream()
                    .sorted()
                    .toList()) {
                MongoCollection<Document> collection = db.getCollection(name);
                List<Document> indexes = collection.listIndexes().into(new ArrayList<>()).stream()
                        .filter(i -> !"_id_".equals(i.getString("name")))
                        .toList();
                write(out, new Document("collection", name).append("indexes", indexes));
                for (Document document : collection.find().sort(new Document("_id", 1))) {
                    write(out, new Document("collection", name).append("document", document));
                }
            }
        }
    }

    @Override
    public void load(Path dir, Stack stack) throws Exception {
        Map<String, String> secret = stack.secret(service());
        try (MongoClient client = client(secret);
                BufferedReader in = Files.newBufferedReader(dir.resolve(DUMP), StandardCharsets.UTF_8)) {
            MongoDatabase db = client.getDatabase(secret.getOrDefault("database", "dev_database"));
            for (String name : db.listCollectionNames().into(new ArrayList<>())) {
                db.getCollection(name).drop();
            }
            Map<String, List<Document>> pending = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Document entry = Document.parse(line);
                String name = entry.getString("collection");
                if (entry.containsKey("indexes")) {
                    db.createCollection(name);
                    createIndexes(db.getCollection(name), entry.getList("indexes", Document.class));
                } else {
                    List<Document> batch = pending.computeIfAbsent(name, n -> new ArrayList<>());
                    batch.add(entry.get("document", Document.class));
                    if (batch.size() == BATCH) {
                        db.getCollection(name).insertMany(batch);
                        batch.clear();
                    }
                }
            }
            pending.forEach((name, batch) -> {
                if (!batch.isEmpty()) {
                    db.getCollection(name).insertMany(batch);
                }
            });
        }
    }

    private static void createIndexes(MongoCollection<Document> collection, List<Document> indexes) {
        List<IndexModel> models = indexes.stream()
                .map(i -> new IndexModel(
                        i.get("key", Document.class),
                        new IndexOptions()
                                .name(i.getString("name"))
                                .unique(i.getBoolean("unique", false))
                                .sparse(i.getBoolean("sparse", false))))
                .toList();
        if (!models.isEmpty()) {
            collection.createIndexes(models);
        }
    }

    private static void write(BufferedWriter out, Document entry) throws IOException {
        out.write(entry.toJson(CANONICAL));
        out.newLine();
    }

    private static MongoClient client(Map<String, String> secret) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", MongoLauncher.PORT)))
                        .serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createScramSha256Credential(
                        secret.get("user"), "admin", secret.get("password").toCharArray()))
                .build());
    }
}
