package io.devstack.common.redis;

import io.devstack.common.redis.RedisBackend.CachedValue;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.vault.CredentialedClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * GET/SET/DEL on the cluster connection, under the guard. lettuce is asynchronous, so once that connection is open
 * the caller waits for the command's future itself ({@link BackendCalls#callAsync}): no second thread per call.
 */
final class RedisKeyCommands {

    /** Starts one key command; returns lettuce's future at once. */
    @FunctionalInterface
    private interface AsyncClusterCommand<T> {
        CompletionStage<T> start(RedisAdvancedClusterAsyncCommands<String, String> commands);
    }

    private final CredentialedClient<RedisConnections> connections;
    private final BackendCalls calls;

    RedisKeyCommands(CredentialedClient<RedisConnections> connections, BackendCalls calls) {
        this.connections = connections;
        this.calls = calls;
    }

    CachedValue get(String key) {
        return keyCommand("get", commands -> valueAndTtl(commands, key));
    }

    void set(String key, String value, Integer ttlSeconds) {
        keyCommand("set", commands -> store(commands, key, value, ttlSeconds));
    }

    boolean delete(String key) {
        return keyCommand("delete", commands -> commands.del(key)) > 0;
    }

    /**
     * The first use connects and refused credentials rebuild the connections: both block, so they run on the
     * guard's own thread like any blocking call.
     */
    private <T> T keyCommand(String operation, AsyncClusterCommand<T> command) {
        Optional<StatefulRedisClusterConnection<String, String>> open =
                connections.built().flatMap(RedisConnections::openCluster);
        if (open.isEmpty()) {
            return calls.call(Backend.REDIS, operation, () -> blocking(command));
        }
        return calls.callAsync(Backend.REDIS, operation, () -> start(open.get(), command));
    }

    private <T> CompletionStage<T> start(
            StatefulRedisClusterConnection<String, String> connection, AsyncClusterCommand<T> command) {
        return command.start(connection.async())
                .exceptionallyCompose(failure -> retryIfCredentialsRejected(failure, command));
    }

    /** A refused password is re-read from Vault and the connections rebuilt (blocking: on the guard's executor). */
    private <T> CompletionStage<T> retryIfCredentialsRejected(Throwable failure, AsyncClusterCommand<T> command) {
        if (!RedisBackend.rejectedCredentials(failure)) {
            return CompletableFuture.failedStage(failure);
        }
        return CompletableFuture.supplyAsync(() -> blockingUnchecked(command), calls.executor());
    }

    /** Connects when needed, and rebuilds the connections with the secret re-read when the password was refused. */
    private <T> T blocking(AsyncClusterCommand<T> command) throws Exception {
        return connections.use(
                c -> command.start(c.cluster().async()).toCompletableFuture().get());
    }

    private <T> T blockingUnchecked(AsyncClusterCommand<T> command) {
        try {
            return blocking(command);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static CompletionStage<CachedValue> valueAndTtl(
            RedisAdvancedClusterAsyncCommands<String, String> commands, String key) {
        return commands.get(key).thenCombine(commands.ttl(key), RedisKeyCommands::cachedValue);
    }

    /** TTL answers -1 for a key without expiry and -2 for a missing key. */
    private static CachedValue cachedValue(String value, Long ttl) {
        return new CachedValue(value, value != null && ttl >= 0 ? ttl : null);
    }

    private static CompletionStage<String> store(
            RedisAdvancedClusterAsyncCommands<String, String> commands, String key, String value, Integer ttl) {
        return ttl == null ? commands.set(key, value) : commands.set(key, value, SetArgs.Builder.ex(ttl));
    }
}
