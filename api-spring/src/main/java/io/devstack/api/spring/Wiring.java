package io.devstack.api.spring;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.http.HttpFront;
import io.devstack.common.service.CacheService;
import io.devstack.common.service.DatabaseService;
import io.devstack.common.service.HealthService;
import io.devstack.common.service.ImplementationInfo;
import io.devstack.common.service.MessagingService;
import io.devstack.common.service.RedisClusterService;
import io.devstack.common.service.ServiceInfoService;
import io.devstack.common.service.VaultService;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bridge from common's composition root to Spring's container: one {@link ApiSettings} read from the
 * process environment, one {@link ApiServices} (closed with the context), and each area's service as a bean so
 * every {@code *Endpoints} class is handed exactly the service it calls.
 */
@Configuration(proxyBeanMethods = false)
public class Wiring {

    @Bean
    ApiSettings apiSettings() {
        return ApiSettings.fromEnvironment(System.getenv(), ApiModule.SPRING);
    }

    /** {@code LOG_LEVEL} applies to our own loggers; Spring and Tomcat stay at WARN (logback-spring.xml). */
    @Bean(destroyMethod = "close")
    ApiServices apiServices(ApiSettings settings, LoggingSystem logging) {
        logging.setLogLevel("io.devstack", LogLevel.valueOf(settings.logLevel()));
        return ApiServices.start(settings, ImplementationInfo.of(ApiModule.SPRING, SpringBootVersion.getVersion()));
    }

    @Bean
    HttpFront httpFront(ApiServices services) {
        return services.front();
    }

    @Bean
    ServiceInfoService serviceInfoService(ApiServices services) {
        return services.info();
    }

    @Bean
    HealthService healthService(ApiServices services) {
        return services.health();
    }

    @Bean
    RedisClusterService redisClusterService(ApiServices services) {
        return services.redisCluster();
    }

    @Bean
    VaultService vaultService(ApiServices services) {
        return services.vault();
    }

    @Bean
    DatabaseService databaseService(ApiServices services) {
        return services.databases();
    }

    @Bean
    CacheService cacheService(ApiServices services) {
        return services.cache();
    }

    @Bean
    MessagingService messagingService(ApiServices services) {
        return services.messaging();
    }

    /** Content-Types leave Tomcat as common wrote them (see {@link Responses#keepingContentType}). */
    @Bean
    static TomcatContextCustomizer contentTypeAsWritten() {
        return context -> context.getPipeline().addValve(new Responses.RawContentTypeValve());
    }
}
