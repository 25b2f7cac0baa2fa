package io.devstack.api.helidon;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.ApiStartup;
import io.devstack.common.http.HttpTimeouts;
import io.devstack.common.http.RequestBodies;
import io.devstack.common.service.ImplementationInfo;
import io.helidon.common.Version;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point: settings from the environment, common's services, HTTP (and HTTPS when TLS_ENABLED) on Helidon. */
public final class Application {

    private static final Logger LOG = Logger.getLogger(Application.class.getName());
    /** Held so JUL keeps the level set from LOG_LEVEL (it only weakly references configured loggers). */
    private static final Logger DEVSTACK = Logger.getLogger("io.devstack");

    private Application() {}

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        ApiStartup.run(ApiModule.HELIDON, Application::start);
    }

    private static void start(ApiSettings settings) {
        DEVSTACK.setLevel(julLevel(settings.logLevel()));
        ApiServices services = ApiServices.start(settings, implementation());
        WebServer server;
        try {
            server = create(services).start();
            if (!server.isRunning()) {
                throw notListening(settings);
            }
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        // one hook, so the server stops taking requests before the backend pools close
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            services.close();
                        },
                        "api-helidon-shutdown"));
        LOG.info(() -> "api-helidon serving HTTP on " + server.port()
                + (server.hasTls(TlsConfig.SOCKET) ? " and HTTPS on " + server.port(TlsConfig.SOCKET) : ""));
    }

    /**
     * Helidon reports a listener that failed to bind by not running, not by throwing (LoomServer logs the cause,
     * silenced in logging.properties): binding the ports once more tells why.
     */
    private static RuntimeException notListening(ApiSettings settings) {
        List<Integer> ports = settings.tlsEnabled()
                ? List.of(settings.httpPort(), settings.httpsPort())
                : List.of(settings.httpPort());
        for (int port : ports) {
            InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), port);
            if (address.isUnresolved()) {
                return new UncheckedIOException(new UnknownHostException(settings.bindAddress()));
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(address);
            } catch (IOException e) {
                return new UncheckedIOException(e);
            }
        }
        return new IllegalStateException("Helidon did not start its listeners");
    }

    /** The server, not yet started: HTTP_PORT, plus a named HTTPS socket on HTTPS_PORT when TLS is enabled. */
    public static WebServer create(ApiServices services) {
        ApiSettings settings = services.settings();
        var server = WebServer.builder().shutdownHook(false); // main registers the one hook
        listener(server, services).port(settings.httpPort());
        if (settings.tlsEnabled()) {
            server.putSocket(
                    TlsConfig.SOCKET,
                    https -> listener(https, services)
                            .port(settings.httpsPort())
                            .tls(TlsConfig.tls(services.tls().current())));
        }
        WebServer built = server.build();
        if (settings.tlsEnabled()) {
            services.tls().onRenewal(certificate -> built.reloadTls(TlsConfig.SOCKET, TlsConfig.tls(certificate)));
        }
        return built;
    }

    /** What every socket serves: the route table, within {@link #limits}. */
    static <B extends ListenerConfig.BuilderBase<B, ?>> B listener(B socket, ApiServices services) {
        return limits(socket)
                .host(services.settings().bindAddress())
                .routing(routing -> Routes.routing(routing, services));
    }

    /**
     * The 10 MiB body and 64 KiB request-line limits, the idle timeout ({@link HttpTimeouts}: Helidon's sweep between
     * requests, {@link StalledRequests} inside one), and common's envelope for what Helidon rejects before routing.
     */
    static <B extends ListenerConfig.BuilderBase<B, ?>> B limits(B socket) {
        return socket.maxPayloadSize(RequestBodies.MAX_BODY_BYTES)
                .idleConnectionTimeout(HttpTimeouts.IDLE_TIMEOUT)
                .idleConnectionPeriod(HttpTimeouts.IDLE_SWEEP_PERIOD)
                .addProtocol(Http1Config.builder()
                        .maxPrologueLength(RequestBodies.MAX_REQUEST_HEAD_BYTES)
                        .maxHeadersSize(RequestBodies.MAX_REQUEST_HEAD_BYTES)
                        .addReceiveListener(StalledRequests.INSTANCE)
                        .addSendListener(StalledRequests.INSTANCE)
                        .build())
                .directHandlers(ErrorMapping.directHandlers());
    }

    static ImplementationInfo implementation() {
        return ImplementationInfo.of(ApiModule.HELIDON, Version.VERSION);
    }

    private static Level julLevel(String logLevel) {
        return switch (logLevel) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }
}
