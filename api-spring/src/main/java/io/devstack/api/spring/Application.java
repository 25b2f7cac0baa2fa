package io.devstack.api.spring;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.common.ApiStartup;
import io.devstack.common.http.HttpTimeouts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.util.ClassUtils;

/**
 * Entry point: Spring builds {@link Wiring} (settings from the environment, common's services), serves HTTP on
 * {@code HTTP_PORT} and, with {@code TLS_ENABLED=true}, HTTPS on {@code HTTPS_PORT} ({@link TlsConfig}). The
 * services close when the context does (Ctrl-C, SIGTERM). Tests build the same application with
 * {@code @SpringBootTest}. A failure to start is common's one line and exit code ({@link ApiStartup}); Spring's own
 * report of it is silenced in logback-spring.xml.
 */
@SpringBootApplication
public class Application {

    /**
     * The class Spring's AOT processing generates for this application (pom.xml, {@code process-aot}); present in
     * the packaged jar, absent when the classes were only compiled.
     */
    private static final String AOT_INITIALIZER = Application.class.getName() + "__ApplicationContextInitializer";

    /**
     * Settings are read once up front so a bad one stops the start before Spring does; Wiring reads the same. The
     * bean definitions generated at build time are used when the build made them (unless started with
     * {@code -Dspring.aot.enabled=false}). The build's AOT processing runs this too, and stops Spring once the
     * context is prepared: that stop is passed on, not reported as a failed start.
     */
    public static void main(String[] args) {
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            SpringApplication.run(Application.class, args);
            return;
        }
        if (System.getProperty(AotDetector.AOT_ENABLED) == null // -Dspring.aot.enabled=false still turns it off
                && ClassUtils.isPresent(AOT_INITIALIZER, Application.class.getClassLoader())) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
        ApiStartup.run(ApiModule.SPRING, settings -> SpringApplication.run(Application.class, args));
    }

    /**
     * HTTP on {@code API_BIND_ADDRESS} (loopback by default) and {@code HTTP_PORT}, unless Spring's own
     * {@code server.port} is set (tests ask for a random port).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpPort(ApiSettings settings, ServerProperties server) {
        return factory -> {
            factory.setAddress(bindAddress(settings));
            if (server.getPort() == null) {
                factory.setPort(settings.httpPort());
            }
        };
    }

    private static InetAddress bindAddress(ApiSettings settings) {
        try {
            return InetAddress.getByName(settings.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    ApiSettings.BIND_ADDRESS_VAR + " names no address of this machine: " + settings.bindAddress(), e);
        }
    }

    /**
     * A connection silent for {@link HttpTimeouts#IDLE_TIMEOUT} is closed: Tomcat's connection timeout (a request
     * that stalls partway) and its keep-alive timeout (idle between requests).
     */
    @Bean
    TomcatConnectorCustomizer idleTimeout() {
        int millis = (int) HttpTimeouts.IDLE_TIMEOUT.toMillis();
        return connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setConnectionTimeout(millis);
                http.setKeepAliveTimeout(millis);
            }
        };
    }

    /**
     * Tomcat answers a path with an encoded slash ({@code %2F}) with its own HTML 400 page before any filter runs;
     * passed through, the segment reaches the handler (decoded) and common validates it like any other value.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachValidation() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
