package io.devstack.common;

import io.devstack.common.http.CorsPolicy;
import io.devstack.common.http.HostPolicy;
import io.devstack.common.http.HttpFront;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.mongodb.MongoDbClient;
import io.devstack.common.mysql.MysqlClient;
import io.devstack.common.postgres.PostgresClient;
import io.devstack.common.rabbitmq.RabbitClient;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.service.CacheService;
import io.devstack.common.service.DatabaseService;
import io.devstack.common.service.HealthService;
import io.devstack.common.service.ImplementationInfo;
import io.devstack.common.service.MessagingService;
import io.devstack.common.service.RedisClusterService;
import io.devstack.common.service.ServiceInfoService;
import io.devstack.common.service.VaultService;
import io.devstack.common.vault.TlsCertificates;
import io.devstack.common.vault.VaultClient;
import io.devstack.common.vault.VaultSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root every API builds once at startup: settings in, one service per API area out. Nothing
 * here waits for a backend: Vault login and every pool open lazily (a background warm-up probes them once), so an
 * API starts, and reports unhealthy backends, even when the stack is partly down. Every backend client runs its
 * operations under the one {@link BackendCalls} guard. {@link #close()} releases every pool, connection and thread.
 */
public final class ApiServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServices.class);

    private final ApiSettings settings;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final ApiMetrics metrics;
    private final HttpFront front;
    private final ServiceInfoService info;
    private final BackendCalls calls;
    private final VaultClient vaultClient;
    private final VaultSecrets secrets;
    private final TlsCertificates tls;
    private final HealthService health;
    private final RedisClusterService redisCluster;
    private final VaultService vault;
    private final DatabaseService databases;
    private final CacheService cache;
    private final MessagingService messaging;
    private static final Duration WARM_UP_GRACE = Duration.ofSeconds(5);

    private CompletableFuture<Void> warmUp = CompletableFuture.completedFuture(null);

    private ApiServices(ApiSettings settings, ImplementationInfo implementation) {
        this.settings = settings;
        this.metrics = closing(new ApiMetrics());
        CorsPolicy cors = new CorsPolicy(settings.corsAllowedOrigins());
        this.front = HttpFront.create(settings.module(), new HostPolicy(settings.allowedHosts()), cors, metrics);
        this.info = new ServiceInfoService(implementation, cors, metrics);
        this.calls = closing(new BackendCalls(settings.backendTimeout(), metrics));
        this.vaultClient = closing(VaultClient.appRole(settings.vaultAddress(), settings.vaultAppRoleDir(), calls));
        this.secrets = new VaultSecrets(vaultClient, metrics);
        this.tls = closing(new TlsCertificates(vaultClient, settings.module(), Clock.systemUTC()));
        PostgresClient postgres = closing(new PostgresClient(settings.postgres(), secrets, calls));
        MysqlClient mysql = closing(new MysqlClient(settings.mysql(), secrets, calls));
        MongoDbClient mongodb = closing(new MongoDbClient(settings.mongodb(), secrets, calls));
        RedisBackend redis = closing(new RedisBackend(settings.redisNodes(), secrets, calls));
        RabbitClient rabbitmq = closing(new RabbitClient(settings.rabbitmq(), secrets, calls));
        this.health = new HealthService(
                calls.executor(), vaultClient, postgres, mysql, mongodb, redis, rabbitmq, metrics, System::nanoTime);
        this.redisCluster = new RedisClusterService(redis);
        this.vault = new VaultService(secrets);
        this.databases = new DatabaseService(postgres, mysql, mongodb);
        this.cache = new CacheService(redis, metrics);
        this.messaging = new MessagingService(rabbitmq);
    }

    /** Builds every service from {@code settings}; the caller owns the result and closes it at shutdown. */
    public static ApiServices start(ApiSettings settings, ImplementationInfo implementation) {
        ApiServices services = new ApiServices(settings, implementation);
        services.warmUp = services.health.warmUpInBackground();
        return services;
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeables.push(resource);
        return resource;
    }

    /** Completes when the startup probe of every backend is done (a readiness hook, and what tests wait for). */
    public CompletableFuture<Void> warmUp() {
        return warmUp;
    }

    public ApiSettings settings() {
        return settings;
    }

    public HttpFront front() {
        return front;
    }

    public ApiMetrics metrics() {
        return metrics;
    }

    public ServiceInfoService info() {
        return info;
    }

    public HealthService health() {
        return health;
    }

    public RedisClusterService redisCluster() {
        return redisCluster;
    }

    public VaultService vault() {
        return vault;
    }

    public DatabaseService databases() {
        return databases;
    }

    public CacheService cache() {
        return cache;
    }

    public MessagingService messaging() {
        return messaging;
    }

    /** The HTTPS certificate from Vault PKI; ask only when {@code settings().tlsEnabled()}. */
    public TlsCertificates tls() {
        return tls;
    }

    /** The Vault session (token lookups and renewal in tests and diagnostics). */
    public VaultClient vaultClient() {
        return vaultClient;
    }

    /** The shared secret cache behind the Vault examples and every backend's credentials. */
    public VaultSecrets secrets() {
        return secrets;
    }

    /**
     * Closes in reverse order of creation: clients first, then the Vault session, executor and metrics. A warm-up
     * still touching the backends is given a few seconds first: closing a driver under it makes Netty log a
     * rejected task with a stack trace (seen when a start-up fails, e.g. on a port in use).
     */
    @Override
    public void close() {
        try {
            warmUp.get(WARM_UP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Closing while the warm-up is unfinished: {}", e.toString());
        }
        while (!closeables.isEmpty()) {
            AutoCloseable resource = closeables.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
