package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.testsupport.NativeStack;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingEndpointsTest extends ApiTestBase {

    private final String queue = "vertx.test." + UUID.randomUUID();

    @AfterEach
    void deleteQueue() {
        NativeStack.shared().deleteQueueIfPresent(queue);
    }

    @Test
    void publishThenQueueInfoCountsTheMessage(VertxTestContext ctx) {
        JsonObject message = new JsonObject().put("order", 42).put("items", List.of("a", "b"));
        Future<List<HttpResponse<Buffer>>> steps = client.post("/examples/messaging/publish")
                .addQueryParam("queue_name", queue)
                .sendJsonObject(message)
                .compose(published -> client.get("/examples/messaging/queue/" + queue + "/info")
                        .send()
                        .map(info -> List.of(published, info)));
        verify(ctx, steps, responses -> {
            assertThat(responses.get(0).statusCode())
                    .as(responses.get(0).bodyAsString())
                    .isEqualTo(200);
            assertThat(responses.get(0).bodyAsString())
                    .isEqualTo("{\"queue\":\"" + queue
                            + "\",\"message\":{\"order\":42,\"items\":[\"a\",\"b\"]},\"action\":\"published\"}");
            JsonObject info = responses.get(1).bodyAsJsonObject();
            assertThat(info.fieldNames()).containsExactly("queue", "exists", "message_count", "consumer_count");
            assertThat(info.getBoolean("exists")).isTrue();
            assertThat(info.getInteger("message_count")).isEqualTo(1);
        });
    }

    @Test
    void anAbsentQueueExistsFalseWithNulls(VertxTestContext ctx) {
        String queue = "vertx.absent." + UUID.randomUUID();
        verify(ctx, client.get("/examples/messaging/queue/" + queue + "/info").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString())
                    .isEqualTo("{\"queue\":\"" + queue
                            + "\",\"exists\":false,\"message_count\":null,\"consumer_count\":null}");
        });
    }

    @Test
    void anEmptyMessageIsBadRequest(VertxTestContext ctx) {
        verify(
                ctx,
                client.post("/examples/messaging/publish")
                        .addQueryParam("queue_name", "q")
                        .sendJsonObject(new JsonObject()),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(400);
                    JsonObject body = response.bodyAsJsonObject();
                    assertThat(body.getString("error")).isEqualTo("BadRequest");
                    assertThat(body.getString("message")).isEqualTo("Message cannot be empty");
                });
    }

    @Test
    void aMissingQueueNameIsAValidationError(VertxTestContext ctx) {
        verify(
                ctx,
                client.post("/examples/messaging/publish").sendJsonObject(new JsonObject().put("a", 1)),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.bodyAsString())
                            .contains("{\"type\":\"missing\",\"loc\":[\"query\","
                                    + "\"queue_name\"],\"msg\":\"Field required\",\"input\":null}");
                });
    }

    @Test
    void aMessageThatIsNotAnObjectIsADictTypeError(VertxTestContext ctx) {
        verify(
                ctx,
                client.post("/examples/messaging/publish")
                        .addQueryParam("queue_name", "q")
                        .putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer("[1,2]")),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.bodyAsString()).contains("\"type\":\"dict_type\"");
                });
    }
}
