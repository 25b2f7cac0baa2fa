package io.devstack.common.service;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.mongodb.MongoDbClient;
import io.devstack.common.mysql.MysqlClient;
import io.devstack.common.postgres.PostgresClient;
import io.devstack.common.postgres.PostgresVersion;
import io.devstack.common.rabbitmq.RabbitClient;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.redis.RedisNodeAddress;
import io.devstack.common.resilience.Backend;
import io.devstack.common.service.HealthBodies.Alive;
import io.devstack.common.service.HealthBodies.All;
import io.devstack.common.service.HealthBodies.ErrorDetails;
import io.devstack.common.service.HealthBodies.Healthy;
import io.devstack.common.service.HealthBodies.RedisHealth;
import io.devstack.common.service.HealthBodies.RedisNodeHealthy;
import io.devstack.common.service.HealthBodies.RedisNodeUnhealthy;
import io.devstack.common.service.HealthBodies.Unhealthy;
import io.devstack.common.service.HealthBodies.VaultDetails;
import io.devstack.common.service.HealthBodies.VaultHealth;
import io.devstack.common.vault.VaultClient;
import io.devstack.common.vault.VaultStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behind {@code HealthEndpoints}. Always HTTP 200: the body says healthy or not. The clients' probes bypass the
 * circuit breakers (a health check must look for real) but keep the deadline; {@link #all} runs the six in
 * parallel and caches the result in process for 30 s.
 */
public final class HealthService {

    public static final Duration ALL_CACHE_TTL = Duration.ofSeconds(30);
    public static final String X_CACHE = "X-Cache";
    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final ExecutorService fanOut;
    private final VaultClient vault;
    private final PostgresClient postgres;
    private final MysqlClient mysql;
    private final MongoDbClient mongodb;
    private final RedisBackend redis;
    private final RabbitClient rabbitmq;
    private final ApiMetrics metrics;
    private final LongSupplier nanoTime;
    private volatile CachedAll cached;

    private record CachedAll(All body, long atNanos) {}

    /** A first touch of one backend, without the deadline. */
    @FunctionalInterface
    private interface WarmUp {
        void run() throws Exception;
    }

    /** {@code fanOut} runs the probes of {@link #all} and of the Redis nodes in parallel. */
    public HealthService(
            ExecutorService fanOut,
            VaultClient vault,
            PostgresClient postgres,
            MysqlClient mysql,
            MongoDbClient mongodb,
            RedisBackend redis,
            RabbitClient rabbitmq,
            ApiMetrics metrics,
            LongSupplier nanoTime) {
        this.fanOut = fanOut;
        this.vault = vault;
        this.postgres = postgres;
        this.mysql = mysql;
        this.mongodb = mongodb;
        this.redis = redis;
        this.rabbitmq = rabbitmq;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /** {@code GET /health/}: no backend touched. */
    public ApiResponse health() {
        return ApiResponse.ok(new Alive(HealthBodies.OK));
    }

    /** {@code GET /health} (no trailing slash): {@code 307 Location: /health/}. */
    public ApiResponse redirect() {
        return ApiResponse.redirect(307, "/health/");
    }

    public ApiResponse vault() {
        return ApiResponse.ok(vaultBody());
    }

    public ApiResponse postgres() {
        return ApiResponse.ok(postgresBody());
    }

    public ApiResponse mysql() {
        return ApiResponse.ok(mysqlBody());
    }

    public ApiResponse mongodb() {
        return ApiResponse.ok(mongodbBody());
    }

    public ApiResponse redis() {
        return ApiResponse.ok(redisBody());
    }

    public ApiResponse rabbitmq() {
        return ApiResponse.ok(rabbitmqBody());
    }

    /**
     * {@code GET /health/all}; {@code bypassCache} when the request said {@code Cache-Control: no-cache}.
     * Carries {@code X-Cache: HIT|MISS}.
     */
    public ApiResponse all(boolean bypassCache) {
        CachedAll current = cached;
        if (!bypassCache && current != null && nanoTime.getAsLong() - current.atNanos() < ALL_CACHE_TTL.toNanos()) {
            metrics.recordCacheRequest("health", "hit");
            return ApiResponse.ok(current.body()).withHeader(X_CACHE, "HIT");
        }
        metrics.recordCacheRequest("health", "miss");
        All body = checkAll();
        cached = new CachedAll(body, nanoTime.getAsLong());
        return ApiResponse.ok(body).withHeader(X_CACHE, "MISS");
    }

    /**
     * Touches every backend once in the background, without the request deadline, so the Vault login, class
     * loading and first connections are done before the first request (on a busy machine a cold first call can
     * take longer than the deadline). Logs one line with what answered. The future completes when all are done.
     */
    public CompletableFuture<Void> warmUpInBackground() {
        Map<String, WarmUp> touches = new LinkedHashMap<>();
        touches.put("vault", vault::warmUp);
        touches.put("postgres", postgres::warmUp);
        touches.put("mysql", mysql::warmUp);
        touches.put("mongodb", mongodb::warmUp);
        touches.put("redis", redis::warmUpNodes);
        touches.put("redis-cluster", redis::warmUpCluster);
        touches.put("rabbitmq", rabbitmq::warmUp);
        Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
        touches.forEach((name, touch) ->
                running.put(name, CompletableFuture.supplyAsync(() -> warmUp(name, touch), fanOut)));
        return CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new))
                .thenRun(() -> logWarmUp(running));
    }

    /** Two tries: a cold first one can hit a driver's own timeout while classes load and pools start. */
    private static String warmUp(String name, WarmUp touch) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                touch.run();
                return "ready";
            } catch (Exception e) {
                LOG.debug("Warm-up of {} failed (attempt {}): {}", name, attempt, e.toString());
            }
        }
        return "not ready";
    }

    private static void logWarmUp(Map<String, CompletableFuture<String>> outcomes) {
        StringBuilder line = new StringBuilder("Backends at startup:");
        outcomes.forEach(
                (name, outcome) -> line.append(' ').append(name).append('=').append(outcome.join()));
        LOG.info(line.toString());
    }

    /** {@code Cache-Control} asks for a fresh answer when it holds the {@code no-cache} directive. */
    public static boolean bypassesCache(String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        for (String directive : cacheControl.split(",")) {
            if (directive.strip().equalsIgnoreCase("no-cache")) {
                return true;
            }
        }
        return false;
    }

    private All checkAll() {
        Map<String, Future<Object>> running = new LinkedHashMap<>();
        running.put("vault", fanOut.submit(this::vaultBody));
        running.put("postgres", fanOut.submit(this::postgresBody));
        running.put("mysql", fanOut.submit(this::mysqlBody));
        running.put("mongodb", fanOut.submit(this::mongodbBody));
        running.put("redis", fanOut.submit(this::redisBody));
        running.put("rabbitmq", fanOut.submit(this::rabbitmqBody));
        Map<String, Object> services = new LinkedHashMap<>();
        boolean allHealthy = true;
        for (Map.Entry<String, Future<Object>> entry : running.entrySet()) {
            // each probe bounds itself by the backend timeout, so these gets end about when the slowest probe does
            Object body = await(
                    entry.getValue(), () -> new Unhealthy(HealthBodies.UNHEALTHY, entry.getKey() + " check failed"));
            services.put(entry.getKey(), body);
            allHealthy &= HealthBodies.isHealthy(body);
        }
        return new All(allHealthy ? HealthBodies.HEALTHY : HealthBodies.DEGRADED, services);
    }

    private Object vaultBody() {
        try {
            VaultStatus status = vault.status();
            return new VaultHealth(
                    status.usable() ? HealthBodies.HEALTHY : HealthBodies.UNHEALTHY,
                    new VaultDetails(status.initialized(), status.sealed(), status.standby(), status.version()));
        } catch (RuntimeException e) {
            return new VaultHealth(HealthBodies.UNHEALTHY, new ErrorDetails(failed(Backend.VAULT)));
        }
    }

    private Object postgresBody() {
        return versionProbe(Backend.POSTGRES, () -> PostgresVersion.shortForm(postgres.version()));
    }

    private Object mysqlBody() {
        return versionProbe(Backend.MYSQL, mysql::version);
    }

    private Object mongodbBody() {
        return versionProbe(Backend.MONGODB, mongodb::version);
    }

    private Object rabbitmqBody() {
        return versionProbe(Backend.RABBITMQ, rabbitmq::version);
    }

    private static Object versionProbe(Backend backend, Supplier<String> version) {
        try {
            return new Healthy(HealthBodies.HEALTHY, version.get());
        } catch (RuntimeException e) {
            return new Unhealthy(HealthBodies.UNHEALTHY, failed(backend));
        }
    }

    /** Every configured node probed in parallel, plus the cluster state from any node that answers. */
    private Object redisBody() {
        List<RedisNodeAddress> nodes = redis.nodes();
        List<Future<Map<String, Object>>> infos = new ArrayList<>();
        for (RedisNodeAddress node : nodes) {
            infos.add(fanOut.submit(() -> redis.probeNode(node)));
        }
        Future<Map<String, Object>> clusterInfo = fanOut.submit(redis::probeCluster);

        List<Object> bodies = new ArrayList<>();
        int healthy = 0;
        Boolean clusterEnabled = null;
        for (int i = 0; i < nodes.size(); i++) {
            RedisNodeAddress node = nodes.get(i);
            Map<String, Object> info = await(infos.get(i), () -> null);
            if (info == null) {
                bodies.add(new RedisNodeUnhealthy(
                        node.name(),
                        node.host(),
                        node.port(),
                        HealthBodies.UNHEALTHY,
                        null,
                        null,
                        null,
                        null,
                        "Node connection failed"));
                continue;
            }
            healthy++;
            if (clusterEnabled == null && info.get("cluster_enabled") instanceof Number enabled) {
                clusterEnabled = enabled.longValue() == 1;
            }
            bodies.add(new RedisNodeHealthy(
                    node.name(),
                    node.host(),
                    node.port(),
                    HealthBodies.HEALTHY,
                    text(info.get("redis_version")),
                    role(info.get("role")),
                    number(info.get("connected_clients")),
                    text(info.get("used_memory_human"))));
        }
        Map<String, Object> cluster = await(clusterInfo, () -> null);
        String clusterState = cluster == null ? null : text(cluster.get("cluster_state"));
        String status = healthy == 0
                ? HealthBodies.UNHEALTHY
                : healthy == nodes.size() && "ok".equals(clusterState) ? HealthBodies.HEALTHY : HealthBodies.DEGRADED;
        return new RedisHealth(status, clusterEnabled, clusterState, bodies, nodes.size());
    }

    private static String failed(Backend backend) {
        return backend.displayName() + " connection failed";
    }

    private static String role(Object role) {
        return "slave".equals(role) ? "replica" : text(role);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static <T> T await(Future<? extends T> future, Supplier<T> onFailure) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onFailure.get();
        } catch (ExecutionException e) {
            return onFailure.get();
        }
    }
}
