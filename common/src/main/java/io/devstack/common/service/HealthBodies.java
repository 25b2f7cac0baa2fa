package io.devstack.common.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The bodies of the health endpoints, keys in the order of docs/api-contract.md "Health". */
public final class HealthBodies {

    public static final String OK = "ok";
    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String UNHEALTHY = "unhealthy";

    private HealthBodies() {}

    /** {@code GET /health/}. */
    public record Alive(String status) {}

    /** {@code GET /health/vault}; {@code details} is {@link VaultDetails} or {@link ErrorDetails}. */
    public record VaultHealth(String status, Object details) {}

    public record VaultDetails(boolean initialized, boolean sealed, boolean standby, String version) {}

    public record ErrorDetails(String error) {}

    /** A healthy database or broker. */
    public record Healthy(String status, String version) {}

    /** A database or broker that did not answer. */
    public record Unhealthy(String status, String error) {}

    /** {@code GET /health/redis}. */
    public record RedisHealth(
            String status,
            @JsonProperty("cluster_enabled") Boolean clusterEnabled,
            @JsonProperty("cluster_state") String clusterState,
            List<Object> nodes,
            @JsonProperty("total_nodes") int totalNodes) {}

    public record RedisNodeHealthy(
            String name,
            String host,
            int port,
            String status,
            String version,
            String role,
            @JsonProperty("connected_clients") Long connectedClients,
            @JsonProperty("used_memory_human") String usedMemoryHuman) {}

    public record RedisNodeUnhealthy(
            String name,
            String host,
            int port,
            String status,
            String version,
            String role,
            @JsonProperty("connected_clients") Long connectedClients,
            @JsonProperty("used_memory_human") String usedMemoryHuman,
            String error) {}

    /** {@code GET /health/all}: each entry is exactly that backend's own health body. */
    public record All(String status, Map<String, Object> services) {}

    /** True for a body whose {@code status} is "healthy". */
    static boolean isHealthy(Object body) {
        return switch (body) {
            case VaultHealth v -> HEALTHY.equals(v.status());
            case Healthy h -> HEALTHY.equals(h.status());
            case RedisHealth r -> HEALTHY.equals(r.status());
            default -> false;
        };
    }
}
