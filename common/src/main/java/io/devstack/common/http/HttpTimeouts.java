package io.devstack.common.http;

import java.time.Duration;

/**
 * How long the five HTTP servers keep a connection on which nothing arrives, applied by each framework's own
 * setting (Tomcat's connection and keep-alive timeouts, Micronaut's idle timeouts, Helidon's idle connection
 * timeout between requests and api-helidon's {@code StalledRequests} inside one, Vert.x's idle timeout, Jetty's
 * connector idle timeout). Without it a client that opens connections and
 * sends half a request (a slow sender) holds them for each framework's own default: five minutes on two of the five,
 * forever on Vert.x.
 */
public final class HttpTimeouts {

    /**
     * A connection on which no byte arrives for this long is closed: an idle keep-alive connection between requests,
     * or a request that stalls partway (the slow sender). One value for both, because three of the five servers
     * (Netty under Micronaut and Vert.x, Jetty) have one inactivity timer for both states. As long as the JDK
     * HTTP client's keep-alive (30 s), so a pooled client drops its idle connection about when the server does.
     */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How often a server that sweeps idle connections instead of timing each one (Helidon, and api-helidon's sweep of
     * stalled requests) looks, so a stalled connection is closed within {@link #IDLE_TIMEOUT} plus this.
     */
    public static final Duration IDLE_SWEEP_PERIOD = Duration.ofSeconds(2);

    private HttpTimeouts() {}
}
