package io.devstack.common.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void sensitiveNamesAnyCaseAnywhereInTheName() {
        assertThat(SecretMasking.isSensitive("password")).isTrue();
        assertThat(SecretMasking.isSensitive("ROOT_PASSWORD")).isTrue();
        assertThat(SecretMasking.isSensitive("apiToken")).isTrue();
        assertThat(SecretMasking.isSensitive("client_Secret_id")).isTrue();
        assertThat(SecretMasking.isSensitive("user")).isFalse();
        assertThat(SecretMasking.isSensitive("pass")).isFalse();
    }

    @Test
    void masksNestedMapsAndListsAndKeepsOtherTypesAndOrder() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("Token", 12345);
        nested.put("port", 5432);
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("user", "dev_admin");
        secret.put("password", "hunter2");
        secret.put("tls_enabled", false);
        secret.put("nested", nested);
        secret.put("list", List.of(Map.of("secret_key", "s"), 7));
        secret.put("db_secrets", Map.of("a", "b"));

        assertThat(Json.string(SecretMasking.mask(secret)))
                .isEqualTo("{\"user\":\"dev_admin\",\"password\":\"***\",\"tls_enabled\":false,"
                        + "\"nested\":{\"Token\":\"***\",\"port\":5432},\"list\":[{\"secret_key\":\"***\"},7],"
                        + "\"db_secrets\":\"***\"}");
        assertThat(secret.get("password")).isEqualTo("hunter2");
    }

    @Test
    void masksJacksonTreesTheSameWay() throws Exception {
        JsonNode tree = Json.tree("{\"a\":{\"PASSWORD\":null,\"on\":true},\"n\":1.5}".getBytes(StandardCharsets.UTF_8));
        assertThat(Json.string(SecretMasking.mask(tree)))
                .isEqualTo("{\"a\":{\"PASSWORD\":\"***\",\"on\":true},\"n\":1.5}");
    }

    @Test
    void aSingleFieldIsMaskedByItsOwnName() {
        assertThat(SecretMasking.maskField("password", true)).isEqualTo("***");
        assertThat(SecretMasking.maskField("tls_enabled", true)).isEqualTo(true);
        assertThat(SecretMasking.maskField("config", Map.of("token", "t"))).isEqualTo(Map.of("token", "***"));
    }
}
