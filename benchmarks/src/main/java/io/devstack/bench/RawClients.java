package io.devstack.bench;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.mongodb.MongoDbClient;
import io.devstack.common.mysql.MysqlClient;
import io.devstack.common.postgres.PostgresClient;
import io.devstack.common.rabbitmq.RabbitClient;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.vault.VaultClient;
import io.devstack.common.vault.VaultSecrets;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * The baselines: {@code common}'s own clients, built exactly as {@code ApiServices} builds them, doing each
 * endpoint's backend work in this JVM with no HTTP, no validation and no JSON. What an API reaches on an
 * endpoint, as a share of this, is what its HTTP layer and {@code common}'s service code leave of the backend's
 * limit. Logs in to Vault with one API's own AppRole (its secrets are the same for all five).
 */
final class RawClients implements AutoCloseable {

    /** A baseline: what it does (for the report) and the call itself. */
    record Work(String description, Operation call) {}

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final RedisBackend redis;
    private final PostgresClient postgres;
    private final MysqlClient mysql;
    private final MongoDbClient mongodb;
    private final RabbitClient rabbitmq;
    private final VaultSecrets secrets;

    RawClients(Map<String, String> apiEnvironment, ApiModule module) {
        ApiSettings settings = ApiSettings.fromEnvironment(apiEnvironment, module);
        ApiMetrics metrics = closing(new ApiMetrics());
        // the clients alone: common's guard (deadline, breaker) is what the APIs add on top of this limit
        BackendCalls calls = closing(BackendCalls.unguarded(settings.backendTimeout(), metrics));
        VaultClient vault = closing(VaultClient.appRole(settings.vaultAddress(), settings.vaultAppRoleDir(), calls));
        this.secrets = new VaultSecrets(vault, metrics);
        this.postgres = closing(new PostgresClient(settings.postgres(), secrets, calls));
        this.mysql = closing(new MysqlClient(settings.mysql(), secrets, calls));
        this.mongodb = closing(new MongoDbClient(settings.mongodb(), secrets, calls));
        this.redis = closing(new RedisBackend(settings.redisNodes(), secrets, calls));
        this.rabbitmq = closing(new RabbitClient(settings.rabbitmq(), secrets, calls));
    }

    /** The in-process work that matches {@code endpoint}, or empty where there is none (the health endpoints). */
    Optional<Work> work(Endpoint endpoint) {
        byte[] message = endpoint.body() == null ? new byte[0] : endpoint.body().getBytes(StandardCharsets.UTF_8);
        String key = Endpoint.CACHE_KEY;
        return Optional.ofNullable(
                switch (endpoint) {
                    case CACHE_GET ->
                        new Work(
                                "lettuce GET + TTL in one round trip (RedisBackend.cluster)",
                                () -> redis.cluster(commands -> getWithTtl(commands, key)));
                    case CACHE_SET ->
                        new Work(
                                "lettuce SET EX (RedisBackend.cluster)",
                                () -> redis.cluster(
                                        commands -> commands.set(key, "benchmark-value", SetArgs.Builder.ex(3600))));
                    case POSTGRES ->
                        new Work("JDBC SELECT current_timestamp (PostgresClient)", postgres::currentTimestamp);
                    case MYSQL -> new Work("JDBC SELECT NOW() (MysqlClient)", mysql::now);
                    case MONGODB -> new Work("listCollectionNames (MongoDbClient)", mongodb::collections);
                    case VAULT ->
                        new Work(
                                "VaultSecrets.read (the 5-minute secret cache the API reads through)",
                                () -> secrets.read("postgres"));
                    case PUBLISH ->
                        new Work(
                                "AMQP publish with confirm (RabbitClient)",
                                () -> rabbitmq.publish(Endpoint.QUEUE, message));
                    case HEALTH, HEALTH_ALL -> null;
                });
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeables.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception ignored) {
                // closing what the baselines opened; nothing to report
            }
        }
    }

    /** GET and TTL sent together on the cluster connection, one round trip, as {@code CacheService.get} does. */
    private static String getWithTtl(RedisAdvancedClusterCommands<String, String> commands, String key) {
        RedisAdvancedClusterAsyncCommands<String, String> async =
                commands.getStatefulConnection().async();
        return async.get(key)
                .thenCombine(async.ttl(key), (value, ttl) -> value + ttl)
                .toCompletableFuture()
                .join();
    }
}
