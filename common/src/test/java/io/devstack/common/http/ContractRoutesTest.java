package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractRoutesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/, /",
        "/health, /health",
        "/health/, /health/",
        "/health/all, /health/all",
        "/health/all?x=1, /health/all",
        "/redis/nodes/redis-1/info, /redis/nodes/{node_name}/info",
        "/examples/vault/secret/postgres, /examples/vault/secret/{service_name}",
        "/examples/vault/secret/postgres/password, /examples/vault/secret/{service_name}/{key}",
        "/examples/cache/user:42, /examples/cache/{key}",
        "/examples/cache/a%2Fb, /examples/cache/{key}",
        "/examples/messaging/queue/orders/info, /examples/messaging/queue/{queue_name}/info",
        "/docs/swagger-ui.css, /docs/{asset}",
        "/examples/cache/, UNKNOWN",
        "/examples/cache/a/b, UNKNOWN",
        "/health/nope, UNKNOWN",
        "/redis/cluster/nodes/, UNKNOWN",
        "/metrics/, UNKNOWN",
        "'', UNKNOWN",
    })
    void templates(String path, String template) {
        assertThat(ContractRoutes.template(path)).isEqualTo(template);
    }

    @Test
    void allowedMethods() {
        assertThat(ContractRoutes.allowedMethods("/examples/cache/k")).containsExactly("DELETE", "GET", "POST");
        assertThat(ContractRoutes.allowedMethods("/examples/messaging/publish")).containsExactly("POST");
        assertThat(ContractRoutes.allowedMethods("/")).containsExactly("GET");
        assertThat(ContractRoutes.allowedMethods("/nope")).isEmpty();
    }

    @Test
    void findMatchesMethodAndPath() {
        assertThat(ContractRoutes.find("DELETE", "/examples/cache/k")).isPresent();
        assertThat(ContractRoutes.find("PUT", "/examples/cache/k")).isEmpty();
    }

    @Test
    void tableHasNoDuplicates() {
        assertThat(ContractRoutes.ALL).doesNotHaveDuplicates();
    }
}
