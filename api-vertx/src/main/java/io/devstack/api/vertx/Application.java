package io.devstack.api.vertx;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.ApiStartup;
import io.devstack.common.service.ImplementationInfo;
import io.devstack.common.vault.IssuedCertificate;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Entry point: settings from the environment, common's services, then {@link HttpVerticle}s on a Vert.x instance.
 * {@link #create} builds the app apart from {@link #start} so that tests run the production routing on their
 * own Vert.x and ports. Logs go to stderr (slf4j-simple); stdout carries only the JSON access log.
 */
public final class Application {

    /** One verticle per core, the Vert.x way to use every core: each runs on its own event loop. */
    private static final int INSTANCES = Runtime.getRuntime().availableProcessors();

    private final ApiServices services;
    private final Vertx vertx;
    private volatile String deploymentId;

    private Application(ApiServices services, Vertx vertx) {
        this.services = services;
        this.vertx = vertx;
    }

    /** Builds common's services (nothing connects yet); nothing listens until {@link #start()}. */
    public static Application create(ApiSettings settings, Vertx vertx) {
        ImplementationInfo implementation = ImplementationInfo.of(ApiModule.VERTX, frameworkVersion());
        return new Application(ApiServices.start(settings, implementation), vertx);
    }

    /** Listens on HTTP_PORT and, with TLS_ENABLED, on HTTPS_PORT once Vault PKI has issued the certificate. */
    public Future<Void> start() {
        Future<IssuedCertificate> certificate = services.settings().tlsEnabled()
                ? vertx.executeBlocking(() -> services.tls().current(), false)
                : Future.succeededFuture();
        return certificate
                .compose(cert -> vertx.deployVerticle(
                        () -> new HttpVerticle(services, cert), new DeploymentOptions().setInstances(INSTANCES)))
                .onSuccess(id -> deploymentId = id)
                .mapEmpty();
    }

    /** Stops listening, then closes common's pools and connections (blocking, so on a worker thread). */
    public Future<Void> stop() {
        String id = deploymentId;
        Future<Void> undeployed = id == null ? Future.succeededFuture() : vertx.undeploy(id);
        return undeployed.eventually(() -> vertx.executeBlocking(
                () -> {
                    services.close();
                    return null;
                },
                false));
    }

    public ApiServices services() {
        return services;
    }

    static String frameworkVersion() {
        return Objects.requireNonNullElse(Vertx.class.getPackage().getImplementationVersion(), "unknown");
    }

    public static void main(String[] args) {
        ApiStartup.run(ApiModule.VERTX, Application::start);
    }

    private static void start(ApiSettings settings) {
        long begun = System.nanoTime();
        // before the first logger exists: LOG_LEVEL is the default, frameworks stay at WARN (simplelogger.properties)
        System.setProperty(
                "org.slf4j.simpleLogger.defaultLogLevel", settings.logLevel().toLowerCase(Locale.ROOT));
        Vertx vertx = Vertx.vertx();
        Application app = create(settings, vertx);
        try {
            app.start().await();
        } catch (Exception e) { // await() rethrows checked failures (BindException) unchecked
            shutdown(app, vertx);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(app, vertx), "api-vertx-shutdown"));
        LoggerFactory.getLogger(Application.class)
                .info(
                        "api-vertx (Vert.x {}) listening on HTTP {}{} after {} ms",
                        frameworkVersion(),
                        settings.httpPort(),
                        settings.tlsEnabled() ? " and HTTPS " + settings.httpsPort() : "",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
    }

    /** Called from main or the shutdown hook, never from a Vert.x thread (await() blocks). */
    private static void shutdown(Application app, Vertx vertx) {
        try {
            app.stop().await(10, TimeUnit.SECONDS);
            // closed apart: a future chained after vertx.close() would have no event loop left to complete on
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("api-vertx did not stop cleanly within 10 s: " + e);
        }
    }
}
