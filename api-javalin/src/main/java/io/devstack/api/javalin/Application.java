package io.devstack.api.javalin;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.ApiStartup;
import io.devstack.common.http.HttpTimeouts;
import io.devstack.common.http.RequestBodies;
import io.devstack.common.service.ImplementationInfo;
import io.javalin.Javalin;
import io.javalin.util.JavalinLogger;
import java.util.Locale;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.LoggerFactory;

/**
 * Entry point: settings from the environment, common's services, then Javalin on {@code HTTP_PORT} (and HTTPS on
 * {@code HTTPS_PORT} when {@code TLS_ENABLED=true}). {@link #create} builds the app without starting it, so tests
 * start the very same app on a free port.
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        ApiStartup.run(ApiModule.JAVALIN, Application::start);
    }

    private static void start(ApiSettings settings) {
        // before the first logger exists: framework logs stay at WARN (simplelogger.properties), ours follow LOG_LEVEL
        System.setProperty(
                "org.slf4j.simpleLogger.log.io.devstack", settings.logLevel().toLowerCase(Locale.ROOT));

        ApiServices services = ApiServices.start(settings, implementation());
        Javalin app = create(services);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.stop();
                            services.close();
                        },
                        "api-javalin-shutdown"));
        JavalinLogger.enabled = false; // it logs a failed start as an error of its own: ApiStartup reports it
        app.start(settings.bindAddress(), settings.httpPort()); // with TLS, TlsConfig binds both ports itself
        JavalinLogger.enabled = true;
        LoggerFactory.getLogger(Application.class)
                .info(
                        "api-javalin serving http://127.0.0.1:{}{}",
                        app.port(),
                        settings.tlsEnabled() ? " and https://127.0.0.1:" + settings.httpsPort() : "");
    }

    /** The configured app, not started; blocking handlers run on virtual threads. */
    public static Javalin create(ApiServices services) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = RequestBodies.MAX_BODY_BYTES;
            // a 10,000-character cache value may come in the query
            config.jetty.modifyHttpConfiguration(
                    http -> http.setRequestHeaderSize(RequestBodies.MAX_REQUEST_HEAD_BYTES));
            config.jetty.modifyServer(Application::idleTimeout);
            config.router.ignoreTrailingSlashes = false; // /health (307) and /health/ are different routes
            FrontFilter.install(config, services.front());
            Routes.install(config.routes, services);
            ErrorMapping.install(config, services.front());
            if (services.settings().tlsEnabled()) {
                TlsConfig.install(
                        config.jetty,
                        services.tls(),
                        services.settings().bindAddress(),
                        services.settings().httpPort(),
                        services.settings().httpsPort());
            }
        });
    }

    /** Each connector (HTTP, HTTPS) closes a connection silent for {@link HttpTimeouts#IDLE_TIMEOUT}. */
    private static void idleTimeout(Server server) {
        // Javalin adds its HTTP connector after this hook runs: set the timeout once the server starts
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector timed) {
                        timed.setIdleTimeout(HttpTimeouts.IDLE_TIMEOUT.toMillis());
                    }
                }
            }
        });
    }

    /** The {@code implementation} block of {@code GET /}, with Javalin's version from its jar manifest. */
    public static ImplementationInfo implementation() {
        return ImplementationInfo.of(
                ApiModule.JAVALIN, Javalin.class.getPackage().getImplementationVersion());
    }
}
