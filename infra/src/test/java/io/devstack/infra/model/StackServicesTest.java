package io.devstack.infra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackServicesTest {

    private static List<String> names(Set<Profile> profiles) {
        return StackServices.select(profiles).stream().map(StackService::name).toList();
    }

    @Test
    void theDefaultSelectionIsStandardWithEveryBackendTheApisUse() {
        assertThat(names(Set.of()))
                .isEqualTo(names(Set.of(Profile.STANDARD)))
                .containsExactly(
                        "vault",
                        "postgres",
                        "pgbouncer",
                        "mysql",
                        "redis-1",
                        "redis-2",
                        "redis-3",
                        "rabbitmq",
                        "mongodb",
                        "forgejo");
    }

    @Test
    void minimalHasOneRedisNodeAndNoMysql() {
        assertThat(names(Set.of(Profile.MINIMAL)))
                .containsExactly("vault", "postgres", "pgbouncer", "redis-1", "forgejo");
    }

    @Test
    void referencePullsInTheBackendsTheApisDependOn() {
        assertThat(names(Set.of(Profile.REFERENCE)))
                .contains(
                        "vault",
                        "postgres",
                        "mysql",
                        "redis-1",
                        "redis-2",
                        "redis-3",
                        "rabbitmq",
                        "mongodb",
                        "api-spring",
                        "api-javalin")
                .doesNotContain("pgbouncer", "forgejo", "grafana");
    }

    @Test
    void profilesCombineAndKeepStartOrder() {
        List<String> names = names(Set.of(Profile.MINIMAL, Profile.REFERENCE));
        assertThat(names).startsWith("vault", "postgres", "pgbouncer").contains("forgejo", "api-vertx");
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void fullAddsTheComposeOnlyObservability() {
        List<StackService> full = StackServices.select(Set.of(Profile.FULL));
        assertThat(full).hasSize(19);
        assertThat(full.stream().filter(StackService::isNative).map(StackService::name))
                .containsExactly("vault", "postgres", "mysql", "redis-1", "redis-2", "redis-3", "rabbitmq", "mongodb");
        assertThat(full.stream()
                        .filter(s -> s.nativeSupport() == NativeSupport.COMPOSE_ONLY)
                        .map(StackService::name))
                .contains(
                        "pgbouncer",
                        "forgejo",
                        "prometheus",
                        "grafana",
                        "loki",
                        "vector",
                        "promtail",
                        "cadvisor",
                        "redis-exporter-1",
                        "redis-exporter-2",
                        "redis-exporter-3");
    }

    @Test
    void theCatalogueHasTheTwentyThreeServicesOfStackMd() {
        // 23 services in docs/stack.md, counting redis-1/2/3 and the three exporters separately, plus five APIs as one
        // row
        assertThat(StackServices.ALL).hasSize(24);
        assertThat(StackServices.require("redis-2").hostPorts()).containsExactly(6380, 6391, 16380);
    }

    @Test
    void anUnknownProfileNamesTheValidOnes() {
        assertThat(Profile.parse(" Full ")).isEqualTo(Profile.FULL);
        assertThatThrownBy(() -> Profile.parse("tiny"))
                .hasMessage("unknown profile 'tiny'; choose from minimal, standard, full, reference");
    }
}
