package io.devstack.common.resilience;

import io.devstack.common.http.ApiException;
import io.devstack.common.http.ServiceUnavailableException;
import io.devstack.common.metrics.ApiMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every backend call goes through here: a deadline of {@code BACKEND_TIMEOUT_MS}, one circuit breaker per backend,
 * and the {@code devstack_backend_calls_seconds} timer. The backend clients call it around each of their operations
 * ({@code VaultClient}, {@code PostgresClient}, {@code MysqlClient}, {@code MongoDbClient}, {@code RedisBackend},
 * {@code RabbitClient}); services never do. Failures leave as {@link ServiceUnavailableException}
 * (reason {@code timeout}, {@code circuit_open}, {@code connection_failed} or {@code request_refused}); contract
 * errors such as 403/404 pass through unchanged and count as a working backend. Only availability (refused or lost
 * connections, timeouts, refused credentials) counts against a breaker: a backend that answers one request with an
 * error ({@code request_refused}: Redis WRONGTYPE or OOM, an AMQP channel refusal) leaves the breaker as it was.
 */
public final class BackendCalls implements AutoCloseable {

    public static final String TIMEOUT = "timeout";
    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String CONNECTION_FAILED = "connection_failed";
    /** The backend is up but refused this request (see {@link BackendFailures#isRequestRefusal}). */
    public static final String REQUEST_REFUSED = "request_refused";

    private static final Logger LOG = LoggerFactory.getLogger(BackendCalls.class);
    private static final Runnable NOTHING_TO_RELEASE = () -> {};

    private final Duration timeout;
    private final boolean guarding;
    private final ApiMetrics metrics;
    private final Map<Backend, CircuitBreaker> breakers = new EnumMap<>(Backend.class);
    // Virtual threads: a call stuck in a driver costs no platform thread while its caller has already given up.
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("backend-call-", 0).factory());

    public BackendCalls(Duration timeout, ApiMetrics metrics) {
        this(timeout, metrics, defaultBreakerConfig());
    }

    public BackendCalls(Duration timeout, ApiMetrics metrics, CircuitBreakerConfig breakerConfig) {
        this(timeout, true, metrics, breakerConfig);
    }

    private BackendCalls(Duration timeout, boolean guarding, ApiMetrics metrics, CircuitBreakerConfig breakerConfig) {
        this.timeout = timeout;
        this.guarding = guarding;
        this.metrics = metrics;
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(breakerConfig);
        for (Backend backend : Backend.values()) {
            CircuitBreaker breaker = registry.circuitBreaker(backend.service());
            breakers.put(backend, breaker);
            metrics.bindCircuitBreaker(backend.service(), breaker);
        }
    }

    /**
     * Runs the work directly on the caller's thread: no deadline, no breaker, no timing. Only for benchmarks that
     * measure the backend clients alone (the raw-client limit the APIs are compared with); {@code timeout} still
     * configures the clients' own timeouts.
     */
    public static BackendCalls unguarded(Duration timeout, ApiMetrics metrics) {
        return new BackendCalls(timeout, false, metrics, defaultBreakerConfig());
    }

    /**
     * Opens after half of at least 5 of the last 10 calls failed; lets one trial call through after 3 s, so an API
     * serves again within about 5 s of its backend coming back (the fault suite's recovery target).
     */
    public static CircuitBreakerConfig defaultBreakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(3))
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    public CircuitBreaker breaker(Backend backend) {
        return breakers.get(backend);
    }

    /** The executor backend work runs on; the health checks use it to fan out independent probes in parallel. */
    public ExecutorService executor() {
        return executor;
    }

    /** Runs {@code work} under the backend's breaker and the deadline, on a thread of its own. */
    public <T> T call(Backend backend, String operation, BackendCall<T> work) {
        return call(backend, operation, work, NOTHING_TO_RELEASE);
    }

    /**
     * Like {@link #call}, for a call the deadline must not interrupt (an interrupt corrupts the AMQP client's channel,
     * see {@link Backend#interruptible()}): at the deadline the caller gets its 503 {@code timeout} at once, the call
     * is abandoned, and {@code release} runs on a thread of its own to end what the abandoned call waits on (the AMQP
     * client aborts the channel its publish is parked on), so no thread stays behind.
     */
    public <T> T call(Backend backend, String operation, BackendCall<T> work, Runnable release) {
        if (!guarding) {
            return runDirectly(work);
        }
        return guarded(backend, operation, () -> withDeadline(backend, operation, work, release));
    }

    /**
     * Like {@link #call}, for a driver that is asynchronous itself (lettuce): the caller waits for the driver's
     * future with the deadline, so no second thread is needed. {@code work} only starts the work, never blocks.
     */
    public <T> T callAsync(Backend backend, String operation, AsyncBackendCall<T> work) {
        if (!guarding) {
            return runDirectly(() -> work.start().toCompletableFuture().join());
        }
        return guarded(backend, operation, () -> awaitDeadline(backend, operation, work));
    }

    private <T> T guarded(Backend backend, String operation, Supplier<T> underDeadline) {
        CircuitBreaker breaker = breakers.get(backend);
        if (!breaker.tryAcquirePermission()) {
            metrics.recordBackendCall(backend.service(), operation, CIRCUIT_OPEN, 0);
            throw new ServiceUnavailableException(backend.service(), CIRCUIT_OPEN);
        }
        long start = System.nanoTime();
        try {
            T result = underDeadline.get();
            long elapsed = System.nanoTime() - start;
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            metrics.recordBackendCall(backend.service(), operation, "success", elapsed);
            return result;
        } catch (RuntimeException e) {
            long elapsed = System.nanoTime() - start;
            if (isContractError(e)) {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                metrics.recordBackendCall(backend.service(), operation, "success", elapsed);
            } else if (isRefusal(e)) {
                breaker.releasePermission(); // the backend answered: neither a success nor a failure of availability
                metrics.recordBackendCall(backend.service(), operation, REQUEST_REFUSED, elapsed);
            } else {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
                metrics.recordBackendCall(backend.service(), operation, outcome(e), elapsed);
            }
            throw e;
        }
    }

    /** Runs {@code work} with the deadline but around the breaker: health checks always probe for real. */
    public <T> T probe(Backend backend, String operation, BackendCall<T> work) {
        if (!guarding) {
            return runDirectly(work);
        }
        long start = System.nanoTime();
        try {
            T result = withDeadline(backend, operation, work, NOTHING_TO_RELEASE);
            metrics.recordBackendCall(backend.service(), operation, "success", System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            metrics.recordBackendCall(backend.service(), operation, outcome(e), System.nanoTime() - start);
            throw e;
        }
    }

    private static <T> T runDirectly(BackendCall<T> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private <T> T withDeadline(Backend backend, String operation, BackendCall<T> work, Runnable release) {
        long start = System.nanoTime();
        return await(backend, operation, executor.submit(work::run), start, release);
    }

    private <T> T awaitDeadline(Backend backend, String operation, AsyncBackendCall<T> work) {
        long start = System.nanoTime(); // before the driver starts its own timers, so the deadline answers first
        CompletableFuture<T> future;
        try {
            future = work.start().toCompletableFuture();
        } catch (Exception e) {
            throw failed(backend, operation, e);
        }
        return await(backend, operation, future, start, NOTHING_TO_RELEASE);
    }

    private <T> T await(Backend backend, String operation, Future<T> future, long startNanos, Runnable release) {
        try {
            return future.get(timeout.toNanos() - (System.nanoTime() - startNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(backend, future, release);
            throw new ServiceUnavailableException(backend.service(), TIMEOUT);
        } catch (InterruptedException e) {
            abandon(backend, future, release);
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(backend.service(), TIMEOUT);
        } catch (ExecutionException e) {
            throw failed(backend, operation, e.getCause());
        }
    }

    /** Gives up on a call past its deadline: interrupts it only where the driver survives that, then releases it. */
    private void abandon(Backend backend, Future<?> future, Runnable release) {
        future.cancel(backend.interruptible());
        if (release != NOTHING_TO_RELEASE && !executor.isShutdown()) {
            executor.execute(release); // an abort may wait for the backend's answer: never on the caller's time
        }
    }

    private static RuntimeException failed(Backend backend, String operation, Throwable cause) {
        if (cause instanceof ApiException api) {
            return api;
        }
        // Driver messages may carry host names and user names but never passwords; keep them in the log only.
        LOG.warn("{} {} failed: {}", backend.service(), operation, BackendFailures.describe(cause));
        String reason;
        if (BackendFailures.isDriverTimeout(cause)) {
            reason = TIMEOUT;
        } else if (BackendFailures.isRequestRefusal(cause)) {
            reason = REQUEST_REFUSED;
        } else {
            reason = CONNECTION_FAILED;
        }
        return new ServiceUnavailableException(backend.service(), reason);
    }

    private static boolean isContractError(RuntimeException e) {
        return e instanceof ApiException api && api.status() < 500;
    }

    private static boolean isRefusal(RuntimeException e) {
        return e instanceof ServiceUnavailableException unavailable
                && REQUEST_REFUSED.equals(unavailable.details().get("reason"));
    }

    private static String outcome(RuntimeException e) {
        if (e instanceof ServiceUnavailableException unavailable) {
            Object reason = unavailable.details().get("reason");
            if (TIMEOUT.equals(reason)) {
                return TIMEOUT;
            }
        }
        return "error";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
