package io.devstack.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP load over Vert.x's Netty client on one event loop: keep-alive HTTP/1.1, no pipelining, at most
 * {@code concurrency} connections, the same settings for every server measured.
 * <ul>
 * <li>{@link #closed}: {@code concurrency} users, each sending its next request when the previous answer
 *     arrives: the highest rate the server sustains at that concurrency.</li>
 * <li>{@link #open}: requests start on a fixed schedule ({@code rate} per second) whether or not earlier ones
 *     were answered; each latency counts from the request's intended start (recorded in HdrHistogram), so time a
 *     request waits behind a slow one, in the connection pool or the server, is measured, not omitted.</li>
 * </ul>
 * All state of a run lives on the event loop; the calling thread only waits for the result.
 */
public final class LoadGenerator implements AutoCloseable {

    /** An answer slower than this counts as an error. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final long TICK_MILLIS = 1;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final Context loop;
    private final URI base;
    private final int concurrency;

    public LoadGenerator(URI base, int concurrency) {
        this.base = base;
        this.vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setTcpNoDelay(true)
                        .setDefaultHost(base.getHost())
                        .setDefaultPort(base.getPort()),
                new PoolOptions().setHttp1MaxSize(concurrency).setMaxWaitQueueSize(-1));
        this.loop = vertx.getOrCreateContext();
        this.concurrency = concurrency;
    }

    /** Closed model for {@code window}: requests completed inside it, and their (uncorrected) latency. */
    public RunResult closed(Endpoint endpoint, Duration window) {
        CompletableFuture<RunResult> done = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            Tally tally = new Tally();
            long start = System.nanoTime();
            long end = start + window.toNanos();
            int[] active = {concurrency};
            Runnable userDone = () -> {
                if (--active[0] == 0) {
                    done.complete(tally.result(RunResult.CLOSED, 0, window.toNanos() / 1e9));
                }
            };
            for (int user = 0; user < concurrency; user++) {
                nextClosed(endpoint, tally, end, userDone);
            }
        });
        return done.join();
    }

    private void nextClosed(Endpoint endpoint, Tally tally, long end, Runnable userDone) {
        long sent = System.nanoTime();
        if (sent >= end) {
            userDone.run();
            return;
        }
        send(endpoint).onComplete(answer -> {
            long now = System.nanoTime();
            if (now <= end) {
                record(tally, answer, now - sent);
            } else if (answer.failed()) {
                tally.lateFailure(answer.cause());
            } else {
                tally.late(answer.result());
            }
            nextClosed(endpoint, tally, end, userDone);
        });
    }

    /**
     * Open model: {@code rate} requests per second for {@code window}, each timed from its intended start.
     * Waits for every answer (at most {@link #REQUEST_TIMEOUT} past the window); the missing ones are errors.
     */
    public RunResult open(Endpoint endpoint, double rate, Duration window) {
        long total = Math.max(1, Math.round(rate * window.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        CompletableFuture<RunResult> done = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            Tally tally = new Tally();
            long start = System.nanoTime();
            long[] sent = {0};
            long[] answered = {0};
            Runnable finish = () -> done.complete(tally.result(RunResult.OPEN, rate, window.toNanos() / 1e9));
            vertx.setPeriodic(TICK_MILLIS, timer -> {
                long now = System.nanoTime();
                while (sent[0] < total && start + (long) (sent[0] * intervalNanos) <= now) {
                    long intended = start + (long) (sent[0] * intervalNanos);
                    sent[0]++;
                    send(endpoint).onComplete(answer -> {
                        record(tally, answer, System.nanoTime() - intended);
                        if (++answered[0] == total && !done.isDone()) {
                            finish.run();
                        }
                    });
                }
                if (sent[0] == total) {
                    vertx.cancelTimer(timer);
                }
            });
            vertx.setTimer(window.plus(REQUEST_TIMEOUT).plusSeconds(1).toMillis(), timer -> {
                if (!done.isDone()) {
                    tally.abandoned(total - answered[0]);
                    finish.run();
                }
            });
        });
        return done.join();
    }

    private static void record(Tally tally, AsyncResult<Integer> answer, long nanos) {
        if (answer.succeeded()) {
            tally.answered(answer.result(), nanos);
        } else {
            tally.failed(answer.cause(), nanos);
        }
    }

    /** One request; completes with the status once the whole body has arrived. */
    private Future<Integer> send(Endpoint endpoint) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(endpoint.method()))
                .setURI(endpoint.path())
                .setTimeout(REQUEST_TIMEOUT.toMillis());
        endpoint.headers().forEach(options::putHeader);
        return client.request(options)
                .compose(request ->
                        endpoint.body() == null ? request.send() : request.send(Buffer.buffer(endpoint.body())))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() {
        try {
            client.close().await(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // a connection that does not close in 5 s holds nothing this run needs
        }
    }
}
