package io.devstack.common.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.Parameters;
import io.devstack.common.http.PublishInput;
import io.devstack.common.rabbitmq.RabbitClient;
import java.util.Optional;

/** Behind {@code MessagingEndpoints}: confirmed persistent publish to a durable queue, and queue info. */
public final class MessagingService {

    /** {@code POST /examples/messaging/publish}. */
    public record Published(String queue, ObjectNode message, String action) {}

    /** {@code GET /examples/messaging/queue/{queue_name}/info}; counts are null when the queue does not exist. */
    public record QueueInfo(
            String queue,
            boolean exists,
            @JsonProperty("message_count") Long messageCount,
            @JsonProperty("consumer_count") Long consumerCount) {}

    private final RabbitClient rabbitmq;

    public MessagingService(RabbitClient rabbitmq) {
        this.rabbitmq = rabbitmq;
    }

    public ApiResponse publish(String queueName, String contentType, byte[] body) {
        PublishInput input = PublishInput.parse(queueName, contentType, body);
        rabbitmq.publish(input.queueName(), input.messageJson());
        return ApiResponse.ok(new Published(input.queueName(), input.message(), "published"));
    }

    public ApiResponse queueInfo(String queueName) {
        Parameters.check().queueNameInPath(queueName).throwIfInvalid();
        Optional<RabbitClient.QueueState> state = rabbitmq.queueState(queueName);
        return ApiResponse.ok(state.map(s -> new QueueInfo(queueName, true, s.messageCount(), s.consumerCount()))
                .orElseGet(() -> new QueueInfo(queueName, false, null, null)));
    }
}
