package io.devstack.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devstack.common.json.Json;

/**
 * The validated input of {@code POST /examples/messaging/publish?queue_name=Q}: the whole JSON object body
 * is the message. Checks, in order: body size (413), Content-Type (415), then 422 with every error
 * (query {@code queue_name}, then body: missing / json_invalid / dict_type), then an empty object → 400,
 * then the message serialized compactly over {@value #MAX_MESSAGE_BYTES} bytes → 413.
 *
 * @param messageJson the message exactly as it will be published (compact UTF-8 JSON)
 */
public record PublishInput(String queueName, ObjectNode message, byte[] messageJson) {

    public static final int MAX_MESSAGE_BYTES = 1_000_000;

    public static PublishInput parse(String queueName, String contentType, byte[] body) {
        // parseJson throws 413/415 before any collected 422 is raised
        Parameters check = Parameters.check().queueNameInQuery(queueName);
        JsonNode json = RequestBodies.parseJson(contentType, body, check);
        if (RequestBodies.isEmpty(body)) {
            check.add(ValidationError.missing(RequestBodies.BODY));
        } else if (json != null && !json.isObject()) {
            check.add(ValidationError.dictType(RequestBodies.BODY, RequestBodies.plain(json)));
        }
        check.throwIfInvalid();
        ObjectNode message = (ObjectNode) json;
        if (message.isEmpty()) {
            throw new BadRequestException("Message cannot be empty");
        }
        byte[] serialized = Json.bytes(message);
        if (serialized.length > MAX_MESSAGE_BYTES) {
            throw new PayloadTooLargeException("Message exceeds " + MAX_MESSAGE_BYTES + " bytes serialized");
        }
        return new PublishInput(queueName, message, serialized);
    }
}
