package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.testsupport.NativeStack;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingEndpointsTest extends ApiTestBase {

    private final String queue = "javalin-test-" + UUID.randomUUID();

    @AfterEach
    void deleteQueue() {
        NativeStack.shared().deleteQueueIfPresent(queue);
    }

    @Test
    void publishedMessageIsCountedInItsQueue(RunningApi api) {

        HttpResponse<String> published = publish(api, "?queue_name=" + queue, "{\"order\":42,\"item\":\"book\"}");
        JsonNode info = api.getOk("/examples/messaging/queue/" + queue + "/info");

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"message\":{\"order\":42,\"item\":\"book\"},\"action\":\"published\"}");
        assertThat(info.get("exists").asBoolean()).isTrue();
        assertThat(info.get("message_count").asLong()).isEqualTo(1);
        assertThat(info.get("consumer_count").asLong()).isZero();
    }

    @Test
    void anAbsentQueueExistsFalseWithNullCounts(RunningApi api) {
        HttpResponse<String> response = api.get("/examples/messaging/queue/javalin-never-declared/info");

        assertThat(response.body())
                .isEqualTo("{\"queue\":\"javalin-never-declared\",\"exists\":false,"
                        + "\"message_count\":null,\"consumer_count\":null}");
    }

    @Test
    void anEmptyMessageIsBadRequest(RunningApi api) {
        HttpResponse<String> response = publish(api, "?queue_name=javalin-q", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("BadRequest");
        assertThat(body.get("message").asText()).isEqualTo("Message cannot be empty");
    }

    @Test
    void aMissingQueueNameAndAMalformedBodyAreReportedTogether(RunningApi api) {
        HttpResponse<String> response = publish(api, "", "{not json");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = json(response).at("/details/validation_errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("type").asText()).isEqualTo("missing");
        assertThat(errors.get(0).get("loc").toString()).isEqualTo("[\"query\",\"queue_name\"]");
        assertThat(errors.get(1).get("type").asText()).isEqualTo("json_invalid");
        assertThat(errors.get(1).get("loc").toString()).isEqualTo("[\"body\"]");
    }

    private static HttpResponse<String> publish(RunningApi api, String query, String body) {
        return api.send(api.request("/examples/messaging/publish" + query)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build());
    }
}
