package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class CacheEndpointsTest extends ApiTestBase {

    /** Keys whose slots land on different masters of the cluster (the client follows MOVED). */
    private final String key = "spring:" + UUID.randomUUID();

    @Test
    void setWithQueryParametersThenGetThenDelete() {
        EntityExchangeResult<String> set = http.post()
                .uri(raw("/examples/cache/" + key + "?value=hello%20world&ttl=60"))
                .exchange()
                .returnResult(String.class);
        assertThat(set.getResponseBody())
                .isEqualTo("{\"key\":\"" + key + "\",\"value\":\"hello world\",\"ttl\":60,\"action\":\"set\"}");

        assertThat(get("/examples/cache/" + key).getResponseBody())
                .matches("\\{\"key\":\"" + key + "\",\"value\":\"hello world\",\"exists\":true,\"ttl\":(60|59|58)}");

        EntityExchangeResult<String> deleted =
                http.delete().uri(raw("/examples/cache/" + key)).exchange().returnResult(String.class);
        assertThat(deleted.getResponseBody())
                .isEqualTo("{\"key\":\"" + key + "\",\"deleted\":true,\"action\":\"delete\"}");
        assertThat(get("/examples/cache/" + key).getResponseBody())
                .isEqualTo("{\"key\":\"" + key + "\",\"value\":null,\"exists\":false,\"ttl\":null}");
    }

    @Test
    void setWithAJsonBodyAndNoTtlKeepsTheKeyWithoutExpiry() {
        for (String each : new String[] {key + ":a", key + ":b", key + ":c"}) {
            EntityExchangeResult<String> set = http.post()
                    .uri(raw("/examples/cache/" + each))
                    .header("Content-Type", "application/json")
                    .body("{\"value\":\"v\"}")
                    .exchange()
                    .returnResult(String.class);
            assertThat(set.getResponseBody())
                    .isEqualTo("{\"key\":\"" + each + "\",\"value\":\"v\",\"ttl\":null,\"action\":\"set\"}");
            assertThat(get("/examples/cache/" + each).getResponseBody()).endsWith("\"exists\":true,\"ttl\":null}");
            http.delete()
                    .uri(raw("/examples/cache/" + each))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void invalidKeyAndQueryAreReportedTogether() {
        EntityExchangeResult<String> invalid = http.post()
                .uri(raw("/examples/cache/bad%20key?ttl=0"))
                .exchange()
                .returnResult(String.class);

        assertEnvelope(invalid, 422, "ValidationError");
        assertThat(invalid.getResponseBody())
                .contains(
                        "\"details\":{\"validation_errors\":[{\"type\":\"string_pattern_mismatch\",\"loc\":[\"path\","
                                + "\"key\"]",
                        "{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"ttl\"],"
                                + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\"}",
                        "{\"type\":\"missing\",\"loc\":[\"query\",\"value\"],\"msg\":\"Field required\","
                                + "\"input\":null}");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaTypeEvenAsAForm() {
        EntityExchangeResult<String> text = http.post()
                .uri(raw("/examples/cache/" + key))
                .header("Content-Type", "text/plain")
                .body("{\"value\":\"v\"}")
                .exchange()
                .returnResult(String.class);
        assertEnvelope(text, 415, "UnsupportedMediaType");

        // the servlet API would read a form body as request parameters; the contract wants 415
        EntityExchangeResult<String> form = http.post()
                .uri(raw("/examples/cache/" + key))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("value=v")
                .exchange()
                .returnResult(String.class);
        assertEnvelope(form, 415, "UnsupportedMediaType");
    }

    @Test
    void malformedJsonIsAValidationError() {
        EntityExchangeResult<String> malformed = http.post()
                .uri(raw("/examples/cache/" + key))
                .header("Content-Type", "application/json")
                .body("{\"value\":")
                .exchange()
                .returnResult(String.class);

        assertEnvelope(malformed, 422, "ValidationError");
        assertThat(malformed.getResponseBody())
                .contains("{\"type\":\"json_invalid\",\"loc\":[\"body\"],\"msg\":\"JSON decode error\"");
    }
}
