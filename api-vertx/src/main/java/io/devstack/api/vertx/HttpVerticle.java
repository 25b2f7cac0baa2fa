package io.devstack.api.vertx;

import io.devstack.common.ApiServices;
import io.devstack.common.http.HttpTimeouts;
import io.devstack.common.http.RequestBodies;
import io.devstack.common.vault.IssuedCertificate;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the API: its own {@link Router} over the shared services, an HTTP server and, with
 * TLS, an HTTPS server. Application deploys one instance per core; Vert.x spreads the connections of a port over
 * the instances, and undeploying closes their servers.
 */
final class HttpVerticle extends VerticleBase {

    private final ApiServices services;
    private final IssuedCertificate certificate;

    /** @param certificate the HTTPS certificate, {@code null} to serve HTTP only */
    HttpVerticle(ApiServices services, IssuedCertificate certificate) {
        this.services = services;
        this.certificate = certificate;
    }

    @Override
    public Future<?> start() {
        Router router = Routes.create(vertx, services);
        Future<HttpServer> http = vertx.createHttpServer(limits(new HttpServerOptions()))
                .requestHandler(router)
                .invalidRequestHandler(ErrorMapping::invalidRequest)
                .listen(services.settings().httpPort(), services.settings().bindAddress());
        if (certificate == null) {
            return http;
        }
        HttpServer https = vertx.createHttpServer(limits(TlsConfig.httpsOptions(certificate)))
                .requestHandler(router)
                .invalidRequestHandler(ErrorMapping::invalidRequest);
        TlsConfig.renewOn(https, services.tls());
        return Future.all(
                http,
                https.listen(
                        services.settings().httpsPort(), services.settings().bindAddress()));
    }

    /**
     * A 10,000-character cache value may come in the query: request line and headers up to 64 KiB. A connection
     * silent for {@link HttpTimeouts#IDLE_TIMEOUT} is closed (Vert.x's default never closes one).
     */
    private static HttpServerOptions limits(HttpServerOptions options) {
        return options.setIdleTimeout((int) HttpTimeouts.IDLE_TIMEOUT.toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(RequestBodies.MAX_REQUEST_HEAD_BYTES)
                .setMaxHeaderSize(RequestBodies.MAX_REQUEST_HEAD_BYTES);
    }
}
