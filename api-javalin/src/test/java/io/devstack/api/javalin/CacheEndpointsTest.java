package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheEndpointsTest extends ApiTestBase {

    // keys whose hash slots live on different nodes of the 3-node cluster
    @ParameterizedTest
    @ValueSource(strings = {"javalin:user:1", "javalin.b", "javalin-c_42"})
    void setWithQueryThenGetThenDelete(String key, RunningApi api) {
        HttpResponse<String> set = api.send(api.request("/examples/cache/" + key + "?value=hello%20world&ttl=60")
                .POST(BodyPublishers.noBody())
                .build());
        JsonNode got = api.getOk("/examples/cache/" + key);
        HttpResponse<String> deleted =
                api.send(api.request("/examples/cache/" + key).DELETE().build());
        JsonNode gone = api.getOk("/examples/cache/" + key);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body())
                .isEqualTo("{\"key\":\"" + key + "\",\"value\":\"hello world\",\"ttl\":60,\"action\":\"set\"}");
        assertThat(got.get("value").asText()).isEqualTo("hello world");
        assertThat(got.get("exists").asBoolean()).isTrue();
        assertThat(got.get("ttl").asInt()).isBetween(1, 60);
        assertThat(deleted.body()).isEqualTo("{\"key\":\"" + key + "\",\"deleted\":true,\"action\":\"delete\"}");
        assertThat(gone.toString()).isEqualTo("{\"key\":\"" + key + "\",\"value\":null,\"exists\":false,\"ttl\":null}");
    }

    @Test
    void setWithJsonBodyAndNoTtlKeepsTheKeyWithoutExpiry(RunningApi api) {
        HttpResponse<String> set = api.send(api.request("/examples/cache/javalin-json")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"value\":\"from body\"}"))
                .build());
        JsonNode got = api.getOk("/examples/cache/javalin-json");

        assertThat(set.body())
                .isEqualTo("{\"key\":\"javalin-json\",\"value\":\"from body\",\"ttl\":null,\"action\":\"set\"}");
        assertThat(got.get("value").asText()).isEqualTo("from body");
        assertThat(got.get("ttl").isNull()).isTrue();
        api.send(api.request("/examples/cache/javalin-json").DELETE().build());
    }

    @Test
    void everyInvalidParameterIsReportedAtOnce(RunningApi api) {
        HttpResponse<String> response = api.send(api.request("/examples/cache/javalin-k?value=x&ttl=abc")
                .header("X-Request-ID", "cache-422")
                .POST(BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"ValidationError\",\"message\":\"Request validation failed\","
                        + "\"status_code\":422,\"details\":{\"validation_errors\":[{\"type\":\"int_parsing\","
                        + "\"loc\":[\"query\",\"ttl\"],\"msg\":\"Input should be a valid integer, unable to parse"
                        + " string as an integer\","
                        + "\"input\":\"abc\"}]},\"request_id\":\"cache-422\"}");
    }

    @Test
    void anInvalidKeyIsAValidationError(RunningApi api) {
        JsonNode body = json(api.get("/examples/cache/bad%20key"));

        assertThat(body.get("status_code").asInt()).isEqualTo(422);
        assertThat(body.at("/details/validation_errors/0/loc").toString()).isEqualTo("[\"path\",\"key\"]");
        assertThat(body.at("/details/validation_errors/0/type").asText()).isEqualTo("string_pattern_mismatch");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType(RunningApi api) {
        HttpResponse<String> response = api.send(api.request("/examples/cache/javalin-k")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("value=x"))
                .build());

        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("UnsupportedMediaType");
        assertThat(body.at("/details/content_type").asText()).isEqualTo("text/plain");
    }
}
