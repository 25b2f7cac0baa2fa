package io.devstack.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP floor: the JDK's own server answering every request with the constant body of {@code GET /health/}
 * ({@code {"status":"ok"}}), nothing else. What an API's {@code /health/} costs above this is framework and
 * {@code common}. Runs as its own JVM (same options as the APIs) so it is pinned and measured like one.
 * Usage: {@code java -cp <classes> io.devstack.bench.FloorServer <port>}.
 */
public final class FloorServer {

    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private FloorServer() {}

    public static void main(String[] args) throws IOException {
        // without TCP_NODELAY, headers and body leave in two segments and Nagle waits for the client's delayed ACK:
        // about 40 ms per answer, which would make the floor the slowest server measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        // the dispatcher thread answers itself: for a constant body a hand-off to a pool only adds cost
        server.start();
    }
}
