package io.devstack.api.micronaut;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.common.ApiStartup;
import io.devstack.common.http.HttpTimeouts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar api-micronaut.jar}: common's {@link ApiStartup} reads the settings once (a failure to start is its
 * one line and exit code); they are registered as a bean for {@link Wiring} and Micronaut starts with HTTP on
 * {@code HTTP_PORT} and, when {@code TLS_ENABLED=true}, HTTPS on {@code HTTPS_PORT}. Micronaut's shutdown hook
 * closes the context, and with it common's services.
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        ApiStartup.run(ApiModule.MICRONAUT, settings -> start(settings, args));
    }

    private static void start(ApiSettings settings, String... args) {
        // read by logback.xml for io.devstack loggers; set before the first logger is created
        System.setProperty("devstack.log.level", settings.logLevel());
        ApplicationContext context = create(settings, args).start();
        Logger log = LoggerFactory.getLogger(Application.class);
        log.info(
                "api-micronaut serving {}",
                context.getBean(EmbeddedServer.class).getURL());
    }

    /** Micronaut configured for {@code settings}, not started, so a test or a tool can start it. */
    public static Micronaut create(ApiSettings settings, String... args) {
        return new Micronaut() {
            /** Micronaut would log the failure with its stack trace and exit: main reports it instead. */
            @Override
            protected void handleStartupException(Environment environment, Throwable failure) {
                throw new ApplicationStartupException(failure.getMessage(), failure);
            }
        }.args(args)
                .mainClass(Application.class)
                .banner(false)
                .properties(serverProperties(settings))
                .singletons(settings);
    }

    /** The Micronaut properties that follow from the settings; everything else is in application.properties. */
    static Map<String, Object> serverProperties(ApiSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.host", settings.bindAddress()); // HTTP and HTTPS
        properties.put("micronaut.server.port", settings.httpPort());
        // a connection silent this long is closed, idle between requests or stalled in one (HttpTimeouts)
        String idle = HttpTimeouts.IDLE_TIMEOUT.toSeconds() + "s";
        properties.put("micronaut.server.idle-timeout", idle);
        properties.put("micronaut.server.read-idle-timeout", idle);
        if (settings.tlsEnabled()) {
            properties.putAll(TlsConfig.properties(settings));
        }
        return properties;
    }
}
