package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.testsupport.NativeStack;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    private final String queue = "api-micronaut-" + UUID.randomUUID();

    @AfterEach
    void deleteQueue() {
        NativeStack.shared().deleteQueueIfPresent(queue);
    }

    @Test
    void publishThenTheQueueHoldsTheMessage() throws Exception {
        Reply published = call(
                client,
                HttpRequest.POST("/examples/messaging/publish?queue_name=" + queue, "{\"order\":42,\"paid\":true}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
        JsonNode info = ok(
                get(client, "/examples/messaging/queue/" + queue + "/info"),
                "queue",
                "exists",
                "message_count",
                "consumer_count");

        assertThat(published.text())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"message\":{\"order\":42,\"paid\":true},\"action\":\"published\"}");
        assertThat(info.get("exists").asBoolean()).isTrue();
        assertThat(info.get("message_count").asLong()).isEqualTo(1);
    }

    @Test
    void anAbsentQueueDoesNotExist() {
        Reply reply = get(client, "/examples/messaging/queue/" + queue + "/info");

        assertThat(reply.text())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"exists\":false,\"message_count\":null,\"consumer_count\":null}");
    }

    @Test
    void anEmptyMessageIsABadRequest() {
        Reply reply = call(
                client,
                HttpRequest.POST("/examples/messaging/publish?queue_name=" + queue, "{}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(envelope(reply, 400, "BadRequest").get("message").asText()).isEqualTo("Message cannot be empty");
    }

    @Test
    void withoutQueueAndBodyBothAreReported() {
        Reply reply = call(client, HttpRequest.POST("/examples/messaging/publish", ""));

        assertThat(validationErrors(reply))
                .containsExactly(
                        "missing [\"query\",\"queue_name\"] Field required", "missing [\"body\"] Field required");
    }

    @Test
    void aJsonArrayIsNotAMessage() {
        Reply reply = call(
                client,
                HttpRequest.POST("/examples/messaging/publish?queue_name=" + queue, "[1,2]")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(validationErrors(reply)).containsExactly("dict_type [\"body\"] Input should be a valid dictionary");
    }
}
