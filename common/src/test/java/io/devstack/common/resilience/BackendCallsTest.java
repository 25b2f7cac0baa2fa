package io.devstack.common.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.common.http.ResourceNotFoundException;
import io.devstack.common.http.ServiceUnavailableException;
import io.devstack.common.metrics.ApiMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendCallsTest {

    private final ApiMetrics metrics = new ApiMetrics();
    private final BackendCalls calls = new BackendCalls(
            Duration.ofMillis(200),
            metrics,
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMillis(300))
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .build());

    @AfterEach
    void close() {
        calls.close();
        metrics.close();
    }

    @Test
    void aCallReturnsItsResultAndIsTimed() {
        assertThat(calls.call(Backend.POSTGRES, "query", () -> "ok")).isEqualTo("ok");

        assertThat(scrape())
                .containsPattern("devstack_backend_calls_seconds_count"
                        + "\\{backend=\"postgres\",operation=\"query\",outcome=\"success\"} 1");
    }

    @Test
    void aCallPastTheDeadlineIs503Timeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> calls.call(Backend.MYSQL, "query", () -> {
                    Thread.sleep(5_000);
                    return "late";
                }))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details())
                                .containsEntry("service", "mysql")
                                .containsEntry("reason", "timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aCallPastTheDeadlineIsInterruptedWhereTheDriverSurvivesIt() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        assertThatThrownBy(() -> calls.call(Backend.POSTGRES, "query", () -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return "late";
                }))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(interrupted.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAmqpCallPastTheDeadlineIsReleasedNotInterrupted() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> calls.call(
                        Backend.RABBITMQ,
                        "publish",
                        () -> {
                            try {
                                release.await(); // a publish parked on the broker's flow control
                            } catch (InterruptedException e) {
                                sawInterrupt.set(true);
                            }
                            ended.countDown();
                            return null;
                        },
                        release::countDown))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(sawInterrupt).isFalse();
        assertThat(calls.breaker(Backend.RABBITMQ).getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
    }

    @Test
    void aDriverFailureIs503ConnectionFailedWithoutTheDriverMessage() {
        assertThatThrownBy(() -> calls.call(Backend.RABBITMQ, "publish", () -> {
                    throw new ConnectException("Connection refused to 127.0.0.1:5672 as dev_user");
                }))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.details())
                            .containsEntry("service", "rabbitmq")
                            .containsEntry("reason", "connection_failed");
                    assertThat(e.getMessage()).doesNotContain("dev_user");
                });
    }

    @Test
    void aRequestTheBackendRefusesIs503ForThatRequestAloneAndNeverOpensTheBreaker() {
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> calls.call(Backend.REDIS, "get", () -> {
                        throw new RedisCommandExecutionException(
                                "WRONGTYPE Operation against a key holding the wrong kind of value");
                    }))
                    .isInstanceOfSatisfying(
                            ServiceUnavailableException.class,
                            e -> assertThat(e.details()).containsEntry("reason", "request_refused"));
        }
        assertThat(calls.breaker(Backend.REDIS).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.call(Backend.REDIS, "get", () -> "served")).isEqualTo("served");
    }

    @Test
    void refusedCredentialsAreAboutAvailabilityAndDoCount() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.call(Backend.REDIS, "get", () -> {
                        throw new RedisCommandExecutionException("WRONGPASS invalid username-password pair");
                    }))
                    .isInstanceOfSatisfying(
                            ServiceUnavailableException.class,
                            e -> assertThat(e.details()).containsEntry("reason", "connection_failed"));
        }
        assertThat(calls.breaker(Backend.REDIS).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void repeatedFailuresOpenTheBreakerThenATrialCallClosesIt() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.call(Backend.REDIS, "get", () -> {
                        throw new ConnectException("refused");
                    }))
                    .isInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(calls.breaker(Backend.REDIS).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> calls.call(Backend.REDIS, "get", () -> "never run"))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "circuit_open"));
        assertThat(scrape()).contains("devstack_circuit_breaker_state{backend=\"redis\",state=\"open\"} 1");

        Thread.sleep(400);

        assertThat(calls.call(Backend.REDIS, "get", () -> "back")).isEqualTo("back");
        assertThat(calls.breaker(Backend.REDIS).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void probesIgnoreAnOpenBreakerButKeepTheDeadline() {
        calls.breaker(Backend.MONGODB).transitionToForcedOpenState();

        assertThat(calls.probe(Backend.MONGODB, "health", () -> "5.0.0")).isEqualTo("5.0.0");
        assertThatThrownBy(() -> calls.probe(Backend.MONGODB, "health", () -> {
                    Thread.sleep(5_000);
                    return "late";
                }))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "timeout"));
    }

    @Test
    void contractErrorsPassThroughAndDoNotCountAgainstTheBackend() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> calls.call(Backend.VAULT, "kv_read", () -> {
                        throw new ResourceNotFoundException("secret", "secret/nope");
                    }))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        assertThat(calls.breaker(Backend.VAULT).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anAsyncCallWaitsOnTheCallersThreadAndIsTimed() {
        Thread caller = Thread.currentThread();
        Thread[] completedOn = new Thread[1];

        String result = calls.callAsync(Backend.REDIS, "get", () -> {
            completedOn[0] = Thread.currentThread();
            return CompletableFuture.completedFuture("ok");
        });

        assertThat(result).isEqualTo("ok");
        assertThat(completedOn[0]).isSameAs(caller);
        assertThat(scrape())
                .containsPattern("devstack_backend_calls_seconds_count"
                        + "\\{backend=\"redis\",operation=\"get\",outcome=\"success\"} 1");
    }

    @Test
    void anAsyncCallPastTheDeadlineIs503TimeoutAndCountsAgainstTheBreaker() {
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.callAsync(Backend.REDIS, "get", CompletableFuture::new))
                    .isInstanceOfSatisfying(
                            ServiceUnavailableException.class,
                            e -> assertThat(e.details()).containsEntry("reason", "timeout"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(calls.breaker(Backend.REDIS).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void theDriversOwnCommandTimeoutIsATimeoutToo() {
        assertThatThrownBy(() -> calls.callAsync(
                        Backend.REDIS,
                        "get",
                        () -> CompletableFuture.failedFuture(new RedisCommandTimeoutException("after 200 ms"))))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "timeout"));
    }

    @Test
    void anAsyncFailureIsMappedAsABlockingOneIs() {
        assertThatThrownBy(() -> calls.callAsync(
                        Backend.REDIS,
                        "get",
                        () -> CompletableFuture.failedFuture(new RedisCommandExecutionException(
                                "WRONGTYPE Operation against a key holding the wrong kind of value"))))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "request_refused"));
        assertThatThrownBy(() -> calls.callAsync(Backend.REDIS, "get", () -> {
                    throw new ConnectException("refused");
                }))
                .isInstanceOfSatisfying(
                        ServiceUnavailableException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "connection_failed"));
    }

    @Test
    void unguardedCallsRunOnTheCallersThreadWithoutDeadlineOrBreaker() {
        try (BackendCalls bare = BackendCalls.unguarded(Duration.ofMillis(1), metrics)) {
            Thread caller = Thread.currentThread();
            assertThat(bare.call(Backend.POSTGRES, "query", () -> {
                        Thread.sleep(50); // far past the 1 ms timeout
                        return Thread.currentThread();
                    }))
                    .isSameAs(caller);
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> bare.call(Backend.POSTGRES, "query", () -> {
                            throw new ConnectException("refused");
                        }))
                        .hasCauseInstanceOf(ConnectException.class);
            }
            assertThat(bare.callAsync(Backend.REDIS, "get", () -> CompletableFuture.completedFuture("ok")))
                    .isEqualTo("ok");
            assertThat(bare.breaker(Backend.POSTGRES).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    private String scrape() {
        return metrics.scrape().bodyText();
    }
}
