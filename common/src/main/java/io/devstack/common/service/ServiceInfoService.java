package io.devstack.common.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.devstack.common.docs.OpenApiDocument;
import io.devstack.common.docs.SwaggerUi;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.CorsPolicy;
import io.devstack.common.http.NotFoundException;
import io.devstack.common.http.RateLimits;
import io.devstack.common.metrics.ApiMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Behind {@code ServiceInfoEndpoints}: {@code GET /}, {@code /openapi.json}, {@code /docs[/{asset}]},
 * {@code /metrics}.
 */
public final class ServiceInfoService {

    /** The project version, filled in by Maven resource filtering. */
    public static final String VERSION = readVersion();

    /** {@code GET /} body, keys in the order of docs/api-contract.md. */
    public record Info(
            String name,
            String version,
            String description,
            ImplementationInfo implementation,
            String docs,
            String openapi,
            String health,
            String metrics,
            @JsonProperty("redis_cluster") RedisCluster redisCluster,
            Examples examples,
            Security security,
            String note) {}

    public record RedisCluster(
            String nodes,
            String slots,
            String info,
            @JsonProperty("node_info") String nodeInfo) {}

    public record Examples(String vault, String databases, String cache, String messaging) {}

    /** What is really enforced, and nothing more. */
    public record Security(
            Cors cors,
            @JsonProperty("rate_limiting") Map<String, String> rateLimiting,
            @JsonProperty("host_check") String hostCheck,
            @JsonProperty("origin_check") String originCheck,
            @JsonProperty("request_validation") String requestValidation,
            @JsonProperty("circuit_breakers") String circuitBreakers) {}

    public record Cors(
            @JsonProperty("allowed_origins") List<String> allowedOrigins,
            @JsonProperty("allow_credentials") boolean allowCredentials) {}

    private final ApiResponse info;
    private final ApiMetrics metrics;

    public ServiceInfoService(ImplementationInfo implementation, CorsPolicy cors, ApiMetrics metrics) {
        this.info = ApiResponse.ok(info(implementation, cors));
        this.metrics = metrics;
    }

    /** {@code GET /}. */
    public ApiResponse info() {
        return info;
    }

    /** {@code GET /openapi.json}. */
    public ApiResponse openApi() {
        return OpenApiDocument.response();
    }

    /** {@code GET /docs}. */
    public ApiResponse docs() {
        return SwaggerUi.page();
    }

    /** {@code GET /docs/{asset}}; an unknown asset is a 404 NotFound like any unknown path. */
    public ApiResponse docsAsset(String asset) {
        return SwaggerUi.asset(asset).orElseThrow(() -> new NotFoundException("/docs/" + asset));
    }

    /** {@code GET /metrics}. */
    public ApiResponse metrics() {
        return metrics.scrape();
    }

    static Info info(ImplementationInfo implementation, CorsPolicy cors) {
        Map<String, String> rateLimiting = new LinkedHashMap<>();
        RateLimits.CONTRACT_LIMITS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> rateLimiting.put(
                        "GET " + e.getKey(), e.getValue().requests() + " requests per minute per client IP"));
        return new Info(
                "DevStack Core Reference API",
                VERSION,
                "Reference REST API over the DevStack Core services: Vault, PostgreSQL, MySQL, MongoDB, "
                        + "a Redis cluster and RabbitMQ",
                implementation,
                "/docs",
                "/openapi.json",
                "/health/all",
                "/metrics",
                new RedisCluster(
                        "/redis/cluster/nodes",
                        "/redis/cluster/slots",
                        "/redis/cluster/info",
                        "/redis/nodes/{node_name}/info"),
                new Examples(
                        "/examples/vault/secret/{service_name}",
                        "/examples/database/{postgres|mysql|mongodb}/query",
                        "/examples/cache/{key}",
                        "/examples/messaging/publish?queue_name={queue_name}"),
                new Security(
                        new Cors(cors.allowedOrigins().stream().sorted().toList(), true),
                        rateLimiting,
                        "A request whose Host is not a loopback name (localhost, 127.0.0.1, [::1]), the bind address "
                                + "or a name in API_ALLOWED_HOSTS gets 403 with reason host_not_allowed (DNS "
                                + "rebinding)",
                        "A POST, PUT, PATCH or DELETE whose Origin is not an allowed CORS origin gets 403 with "
                                + "reason origin_not_allowed before any backend is touched",
                        "Path, query and body parameters are validated; a failure answers 422 listing every error",
                        "One per backend (vault, postgres, mysql, mongodb, redis, rabbitmq); while open, calls "
                                + "fail fast with 503 and reason circuit_open"),
                "The five implementations (Spring Boot, Micronaut, Helidon SE, Vert.x, Javalin) serve this same "
                        + "contract; secret values read from Vault are masked in every response");
    }

    private static String readVersion() {
        try (InputStream in = ServiceInfoService.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the devstack-common jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
