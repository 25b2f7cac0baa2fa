package io.devstack.api.helidon;

import io.devstack.common.http.HttpTimeouts;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection whose request has not arrived in full within {@link HttpTimeouts#IDLE_TIMEOUT} of its request
 * line. Helidon's own idle sweep closes a connection between requests, or one still reading the request line, but
 * leaves one inside a request alone, and its socket read timeout ({@code connectionOptions(readTimeout)}) is never set
 * on a server socket: without this, a request stalled in its headers or body would hold its connection for good.
 *
 * <p>Registered as a receive and a send listener, it watches each request from its request line ({@code prologue})
 * to its answer's status line ({@code status}); one virtual thread sweeps every {@link HttpTimeouts#IDLE_SWEEP_PERIOD}
 * and closes the socket of a request watched for longer. Helidon's receive listener gets no event per read, so this
 * counts from the request line, not from the last byte: a request must arrive within 30 s, however it trickles in.
 */
final class StalledRequests implements Http1ConnectionListener {

    static final StalledRequests INSTANCE = new StalledRequests();

    /** The requests being read: their connection, and when their request line arrived ({@link System#nanoTime}). */
    private final Map<ConnectionContext, Long> reading = new ConcurrentHashMap<>();

    private StalledRequests() {
        Thread.ofVirtual().name("helidon-stalled-requests").start(this::sweepForever);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        reading.put(ctx, System.nanoTime());
    }

    @Override
    public void status(ConnectionContext ctx, Status status) {
        reading.remove(ctx);
    }

    private void sweepForever() {
        try {
            while (true) {
                Thread.sleep(HttpTimeouts.IDLE_SWEEP_PERIOD);
                long now = System.nanoTime();
                reading.forEach((ctx, since) -> {
                    if (now - since > HttpTimeouts.IDLE_TIMEOUT.toNanos() && reading.remove(ctx, since)) {
                        close(ctx);
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closing the socket ends the connection thread's blocked read, and with it the connection. */
    private static void close(ConnectionContext ctx) {
        try {
            ctx.serverSocket().close();
        } catch (RuntimeException ignored) {
            // the client closed it already
        }
    }
}
