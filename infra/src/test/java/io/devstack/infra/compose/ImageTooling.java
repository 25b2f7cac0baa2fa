package io.devstack.infra.compose;

import java.util.Map;
import java.util.Set;

/**
 * What each image ships that our health checks and init wrappers call (alpine: busybox applets), from the images'
 * Dockerfiles (there is no engine here to look inside them). A check naming a missing tool fails the test.
 */
final class ImageTooling {

    private static final Set<String> SH = Set.of("sh", "grep", "sed", "tr", "cat", "mktemp", "mkfifo", "head");

    static final Map<String, Set<String>> TOOLS = Map.ofEntries(
            Map.entry("hashicorp/vault", Set.of("vault", "wget", "nc")), // alpine + busybox
            Map.entry("postgres", Set.of("psql", "pg_isready", "bash")), // debian, no curl/wget
            Map.entry("edoburu/pgbouncer", Set.of("psql", "pg_isready", "wget", "nc")), // alpine + postgresql-client
            Map.entry("mysql", Set.of("mysql", "mysqladmin", "bash")), // oraclelinux slim
            Map.entry("redis", Set.of("redis-cli", "wget", "nc")), // alpine + busybox
            Map.entry("rabbitmq", Set.of("rabbitmq-diagnostics", "wget", "nc", "base64")), // alpine + busybox
            Map.entry("mongo", Set.of("mongosh", "bash")), // ubuntu, no curl/wget
            Map.entry("codeberg.org/forgejo/forgejo", Set.of("curl", "wget", "bash")),
            Map.entry("devstack/api-spring", Set.of("bash", "java")), // eclipse-temurin (ubuntu)
            Map.entry("devstack/api-micronaut", Set.of("bash", "java")),
            Map.entry("devstack/api-helidon", Set.of("bash", "java")),
            Map.entry("devstack/api-vertx", Set.of("bash", "java")),
            Map.entry("devstack/api-javalin", Set.of("bash", "java")),
            Map.entry("prom/prometheus", Set.of("wget")), // busybox base
            Map.entry("grafana/grafana", Set.of("wget")), // alpine
            Map.entry("timberio/vector", Set.of("wget", "nc")), // -alpine variant
            Map.entry("gcr.io/cadvisor/cadvisor", Set.of("wget")), // alpine
            Map.entry("oliver006/redis_exporter", Set.of("wget", "nc"))); // -alpine variant (not scratch)

    /** Images with no shell at all: nothing may be executed inside them. */
    static final Set<String> DISTROLESS = Set.of("grafana/loki", "grafana/promtail");

    private ImageTooling() {}

    static boolean ships(String image, String tool) {
        String repository = image.replaceFirst(":[^:/]+$", "");
        if (DISTROLESS.contains(repository)) {
            return false;
        }
        return SH.contains(tool) || TOOLS.getOrDefault(repository, Set.of()).contains(tool);
    }
}
