package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.testsupport.NativeStack;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /examples/messaging/publish} and {@code GET /examples/messaging/queue/{queue_name}/info} on the broker.
 */
class MessagingEndpointsTest extends ApiTestBase {

    private final Http1Client client;
    private final String queue = "helidon-" + UUID.randomUUID();

    MessagingEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @AfterEach
    void deleteQueue() {
        NativeStack.shared().deleteQueueIfPresent(queue);
    }

    @Test
    void aPublishedMessageIsCountedInItsQueue() {
        ClientResponseTyped<String> published = client.post("/examples/messaging/publish")
                .queryParam("queue_name", queue)
                .contentType(MediaTypes.APPLICATION_JSON)
                .submit("{\"order\":42,\"paid\":true}", String.class);

        assertThat(published.status().code()).as(published.entity()).isEqualTo(200);
        assertThat(published.entity())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"message\":{\"order\":42,\"paid\":true},\"action\":\"published\"}");
        assertThat(client.get("/examples/messaging/queue/" + queue + "/info")
                        .request(String.class)
                        .entity())
                .isEqualTo("{\"queue\":\"" + queue + "\",\"exists\":true,\"message_count\":1,\"consumer_count\":0}");
    }

    @Test
    void anAbsentQueueExistsFalseWithNulls() {
        ClientResponseTyped<String> response = client.get(
                        "/examples/messaging/queue/helidon-absent-" + UUID.randomUUID() + "/info")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.entity()).endsWith("\"exists\":false,\"message_count\":null,\"consumer_count\":null}");
    }

    @Test
    void anEmptyMessageIsBadRequest() {
        ClientResponseTyped<String> response = client.post("/examples/messaging/publish")
                .queryParam("queue_name", "q")
                .contentType(MediaTypes.APPLICATION_JSON)
                .header(HeaderNames.create("X-Request-ID"), "empty-1")
                .submit("{}", String.class);

        assertThat(response.status().code()).isEqualTo(400);
        assertThat(response.entity())
                .isEqualTo("{\"error\":\"BadRequest\",\"message\":\"Message cannot be empty\","
                        + "\"status_code\":400,\"details\":{},\"request_id\":\"empty-1\"}");
    }

    @Test
    void aMissingQueueNameAndBrokenJsonAreReportedTogether() {
        ClientResponseTyped<String> response = client.post("/examples/messaging/publish")
                .contentType(MediaTypes.APPLICATION_JSON)
                .submit("{not json", String.class);

        assertThat(response.status().code()).isEqualTo(422);
        assertThat(response.entity())
                .contains(
                        "{\"type\":\"missing\",\"loc\":[\"query\",\"queue_name\"],\"msg\":\"Field required\","
                                + "\"input\":null}",
                        "\"type\":\"json_invalid\"");
    }
}
