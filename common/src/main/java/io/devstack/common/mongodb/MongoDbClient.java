package io.devstack.common.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.devstack.common.HostPort;
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
 */
public final class MongoDbClient implements AutoCloseable {

    public static final String SECRET = "mongodb";
    private static final String DEFAULT_AUTH_SOURCE = "admin";

    private final CredentialedClient<Connected> client;

    /** The driver client together with the database the secret names. */
    private record Connected(MongoClient client, String database) {}

    /** The database's collection names, sorted. */
    public record Collections(String database, List<String> names) {}

    public MongoDbClient(HostPort address, VaultSecrets secrets, Duration timeout) {
        this.client = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> connect(address, secret, timeout),
                MongoDbClient::rejectedCredentials,
                connected -> true,
                connected -> connected.client().close());
    }

    /** The server's {@code buildInfo} version. */
    public String version() throws Exception {
        return client.use(
                c -> database(c).runCommand(new Document("buildInfo", 1)).getString("version"));
    }

    /** Collections of the secret's database, sorted by name. */
    public Collections collections() throws Exception {
        return client.use(c -> {
            List<String> names = database(c).listCollectionNames().into(new ArrayList<>());
            names.sort(null);
            return new Collections(c.database(), List.copyOf(names));
        });
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
