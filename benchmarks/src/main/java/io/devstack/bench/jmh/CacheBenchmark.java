package io.devstack.bench.jmh;

import io.devstack.bench.Endpoint;
import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.redis.RedisBackend;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.service.CacheService;
import io.devstack.common.vault.VaultClient;
import io.devstack.common.vault.VaultSecrets;
import io.devstack.testsupport.NativeStack;
import io.lettuce.core.SetArgs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link CacheService#get} (validation, deadline and breaker, GET+TTL, metric, JSON) against the live Redis
 * cluster, next to the bare GET+TTL on the same lettuce connection: the difference is what {@code common} adds.
 * Needs the native stack ({@link NativeStack#shared()} finds or starts it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheBenchmark {

    private ApiMetrics metrics;
    private BackendCalls calls;
    private VaultClient vault;
    private RedisBackend redis;
    private CacheService cache;

    @Setup
    public void setUp() throws Exception {
        ApiSettings settings =
                ApiSettings.fromEnvironment(NativeStack.shared().apiEnvironment("api-vertx"), ApiModule.VERTX);
        metrics = new ApiMetrics();
        calls = new BackendCalls(settings.backendTimeout(), metrics);
        vault = VaultClient.appRole(settings.vaultAddress(), settings.vaultAppRoleDir(), calls);
        redis = new RedisBackend(settings.redisNodes(), new VaultSecrets(vault, metrics), calls);
        cache = new CacheService(redis, metrics);
        redis.cluster(commands -> commands.set(Endpoint.CACHE_KEY, "benchmark-value", SetArgs.Builder.ex(3600)));
    }

    @TearDown
    public void tearDown() {
        redis.close();
        vault.close();
        calls.close();
        metrics.close();
    }

    @Benchmark
    public byte[] cacheServiceGet() {
        return cache.get(Endpoint.CACHE_KEY).body();
    }

    /** The same GET+TTL under the guard on a thread of its own: how every Redis call ran before (the thread hop). */
    @Benchmark
    public Long guardOnItsOwnThread() {
        return calls.call(Backend.REDIS, "get", this::rawLettuceGetAndTtl);
    }

    @Benchmark
    public Long rawLettuceGetAndTtl() throws Exception {
        return redis.cluster(commands -> {
            commands.get(Endpoint.CACHE_KEY);
            return commands.ttl(Endpoint.CACHE_KEY);
        });
    }
}
