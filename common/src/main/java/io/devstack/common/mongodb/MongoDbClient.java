package io.devstack.common.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.devstack.common.HostPort;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.vault.CredentialedClient;
import io.devstack.common.vault.VaultSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * MongoDB through the sync driver (its own connection pool), authenticated with SCRAM-SHA-256 as the user of
 * Vault secret {@code mongodb {user, password, database}}; the user is defined in {@code admin} (as the compose
 * runtime's root user is) unless the secret names another {@code auth_source}. Rebuilt when authentication fails.
 * Every operation runs under the backend guard ({@link BackendCalls}: deadline, circuit breaker, timing).
 */
public final class MongoDbClient implements AutoCloseable {

    public static final String SECRET = "mongodb";
    private static final String DEFAULT_AUTH_SOURCE = "admin";

    private final BackendCalls calls;
    private final CredentialedClient<Connected> client;

    /** The driver client together with the database the secret names. */
    private record Connected(MongoClient client, String database) {}

    /** The database's collection names, sorted. */
    public record Collections(String database, List<String> names) {}

    public MongoDbClient(HostPort address, VaultSecrets secrets, BackendCalls calls) {
        this.calls = calls;
        this.client = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> connect(address, secret, calls.timeout()),
                MongoDbClient::rejectedCredentials,
                connected -> true,
                connected -> connected.client().close());
    }

    /** Collections of the secret's database, sorted by name. */
    public Collections collections() {
        return calls.call(Backend.MONGODB, "list_collections", () -> client.use(MongoDbClient::sortedCollections));
    }

    /** The health probe: the server's {@code buildInfo} version, bounded by the deadline only. */
    public String version() {
        return calls.probe(Backend.MONGODB, "health", () -> client.use(MongoDbClient::buildVersion));
    }

    /** Connects and asks once without the deadline (startup warm-up). */
    public void warmUp() throws Exception {
        client.use(MongoDbClient::buildVersion);
    }

    private static String buildVersion(Connected connected) {
        return database(connected).runCommand(new Document("buildInfo", 1)).getString("version");
    }

    private static Collections sortedCollections(Connected connected) {
        List<String> names = database(connected).listCollectionNames().into(new ArrayList<>());
        names.sort(null);
        return new Collections(connected.database(), List.copyOf(names));
    }

    private static MongoDatabase database(Connected connected) {
        return connected.client().getDatabase(connected.database());
    }

    private static Connected connect(HostPort address, Map<String, Object> secret, Duration timeout) {
        String database = String.valueOf(secret.get("database"));
        Object authSource = secret.getOrDefault("auth_source", DEFAULT_AUTH_SOURCE);
        long millis = timeout.toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applicationName("devstack-api")
                .applyToClusterSettings(
                        cluster -> cluster.hosts(List.of(new ServerAddress(address.host(), address.port())))
                                .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) millis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(5).maxWaitTime(millis, TimeUnit.MILLISECONDS))
                .credential(MongoCredential.createScramSha256Credential(
                        String.valueOf(secret.get("user")),
                        String.valueOf(authSource),
                        String.valueOf(secret.get("password")).toCharArray()))
                .build();
        return new Connected(MongoClients.create(settings), database);
    }

    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(failure, t -> t instanceof MongoSecurityException);
    }

    @Override
    public void close() {
        client.close();
    }
}
