package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.testsupport.NativeStack;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class MessagingEndpointsTest extends ApiTestBase {

    private final String queue = "spring.test." + UUID.randomUUID();

    @AfterEach
    void deleteQueue() {
        NativeStack.shared().deleteQueueIfPresent(queue);
    }

    @Test
    void publishedMessageIsCountedOnItsDurableQueue() {
        EntityExchangeResult<String> published = http.post()
                .uri(raw("/examples/messaging/publish?queue_name=" + queue))
                .header("Content-Type", "application/json")
                .body("{\"order\":42,\"items\":[\"a\",\"b\"]}")
                .exchange()
                .returnResult(String.class);

        assertThat(published.getStatus().value()).isEqualTo(200);
        assertThat(published.getResponseBody())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"message\":{\"order\":42,\"items\":[\"a\",\"b\"]},\"action\":\"published\"}");
        assertThat(get("/examples/messaging/queue/" + queue + "/info").getResponseBody())
                .isEqualTo("{\"queue\":\"" + queue + "\",\"exists\":true,\"message_count\":1,\"consumer_count\":0}");
    }

    @Test
    void anAbsentQueueExistsNot() {
        assertThat(get("/examples/messaging/queue/" + queue + "/info").getResponseBody())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"exists\":false,\"message_count\":null,\"consumer_count\":null}");
    }

    @Test
    void anEmptyMessageIsABadRequest() {
        EntityExchangeResult<String> empty = http.post()
                .uri(raw("/examples/messaging/publish?queue_name=" + queue))
                .header("Content-Type", "application/json")
                .body("{}")
                .exchange()
                .returnResult(String.class);

        assertEnvelope(empty, 400, "BadRequest");
        assertThat(empty.getResponseBody()).contains("\"message\":\"Message cannot be empty\"");
    }

    @Test
    void missingQueueNameAndANonObjectBodyAreReportedTogether() {
        EntityExchangeResult<String> invalid = http.post()
                .uri("/examples/messaging/publish")
                .header("Content-Type", "application/json")
                .body("[1,2]")
                .exchange()
                .returnResult(String.class);

        assertEnvelope(invalid, 422, "ValidationError");
        assertThat(invalid.getResponseBody())
                .contains(
                        "{\"type\":\"missing\",\"loc\":[\"query\",\"queue_name\"],\"msg\":\"Field required\","
                                + "\"input\":null}",
                        "{\"type\":\"dict_type\",\"loc\":[\"body\"],\"msg\":\"Input should be a valid dictionary\"");
    }

    @Test
    void aBodyOverTenMebibytesIsPayloadTooLarge() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        EntityExchangeResult<String> tooLarge = http.post()
                .uri(raw("/examples/messaging/publish?queue_name=" + queue))
                .header("Content-Type", "application/json")
                .body(body)
                .exchange()
                .returnResult(String.class);

        assertEnvelope(tooLarge, 413, "PayloadTooLarge");
    }
}
