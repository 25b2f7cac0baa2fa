package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CacheEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    private final String key = "api-micronaut:" + UUID.randomUUID();

    @Test
    void setFromQueryThenGetThenDelete() {
        JsonNode stored = ok(
                call(client, HttpRequest.POST("/examples/cache/" + key + "?value=hello&ttl=60", "")),
                "key",
                "value",
                "ttl",
                "action");
        JsonNode entry = ok(get(client, "/examples/cache/" + key), "key", "value", "exists", "ttl");
        JsonNode deleted = ok(call(client, HttpRequest.DELETE("/examples/cache/" + key)), "key", "deleted", "action");
        JsonNode gone = ok(get(client, "/examples/cache/" + key), "key", "value", "exists", "ttl");

        assertThat(stored.toString())
                .isEqualTo("{\"key\":\"" + key + "\",\"value\":\"hello\",\"ttl\":60,\"action\":\"set\"}");
        assertThat(entry.get("value").asText()).isEqualTo("hello");
        assertThat(entry.get("exists").asBoolean()).isTrue();
        assertThat(entry.get("ttl").asLong()).isBetween(1L, 60L);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(gone.toString()).isEqualTo("{\"key\":\"" + key + "\",\"value\":null,\"exists\":false,\"ttl\":null}");
    }

    @Test
    void setFromJsonBodyWithoutTtlNeverExpires() {
        Reply stored = call(
                client,
                HttpRequest.POST("/examples/cache/" + key, "{\"value\":\"from body\"}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
        JsonNode entry = ok(get(client, "/examples/cache/" + key), "key", "value", "exists", "ttl");
        call(client, HttpRequest.DELETE("/examples/cache/" + key));

        assertThat(ok(stored, "key", "value", "ttl", "action").get("ttl").isNull())
                .isTrue();
        assertThat(entry.get("value").asText()).isEqualTo("from body");
        assertThat(entry.get("ttl").isNull()).isTrue();
    }

    @Test
    void everyInvalidParameterIsReportedPathFirst() {
        Reply reply = call(client, HttpRequest.POST("/examples/cache/bad%20key!?ttl=0", ""));

        assertThat(validationErrors(reply))
                .containsExactly(
                        "string_pattern_mismatch [\"path\",\"key\"] String should match pattern '^[a-zA-Z0-9_:.-]+$'",
                        "greater_than_equal [\"query\",\"ttl\"] Input should be greater than or equal to 1",
                        "missing [\"query\",\"value\"] Field required");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        Reply reply = call(
                client, HttpRequest.POST("/examples/cache/" + key, "value=x").contentType(MediaType.TEXT_PLAIN_TYPE));

        JsonNode details = envelope(reply, 415, "UnsupportedMediaType").get("details");
        assertThat(details.get("content_type").asText()).isEqualTo("text/plain");
    }

    @Test
    void malformedJsonIsAValidationError() {
        Reply reply = call(
                client,
                HttpRequest.POST("/examples/cache/" + key, "{\"value\":").contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(validationErrors(reply)).containsExactly("json_invalid [\"body\"] JSON decode error");
    }

    @Test
    void putIsNotAllowed() {
        Reply reply = call(client, HttpRequest.PUT("/examples/cache/" + key, ""));

        envelope(reply, 405, "MethodNotAllowed");
        assertThat(reply.header("Allow")).isEqualTo("DELETE, GET, POST");
    }
}
