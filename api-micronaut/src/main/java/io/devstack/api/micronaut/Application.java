package io.devstack.api.micronaut;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.common.InvalidSettingException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar api-micronaut.jar}: reads the settings once (a bad variable stops here with one line naming it),
 * registers them as a bean for {@link Wiring} and starts Micronaut with HTTP on {@code HTTP_PORT} and, when
 * {@code TLS_ENABLED=true}, HTTPS on {@code HTTPS_PORT}. Micronaut's shutdown hook closes the context, and with it
 * common's services.
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        ApiSettings settings;
        try {
            settings = ApiSettings.fromEnvironment(System.getenv(), ApiModule.MICRONAUT);
        } catch (InvalidSettingException e) {
            System.err.println("api-micronaut: " + e.getMessage());
            System.exit(2);
            return;
        }
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
        return Micronaut.build(args)
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
        if (settings.tlsEnabled()) {
            properties.putAll(TlsConfig.properties(settings));
        }
        return properties;
    }
}
