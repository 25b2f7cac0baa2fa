package io.devstack.api.spring;

import io.devstack.common.http.RequestBodies;
import io.devstack.common.service.MessagingService;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Confirmed, persistent publish of a JSON object to a durable queue, and a queue's counts. */
@RestController
class MessagingEndpoints {

    private final MessagingService messaging;

    MessagingEndpoints(MessagingService messaging) {
        this.messaging = messaging;
    }

    /** Body first, bounded, for the reasons given on {@link CacheEndpoints#set}. */
    @PostMapping("/examples/messaging/publish")
    ResponseEntity<byte[]> publish(
            InputStream body,
            @RequestParam Map<String, String> query,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws IOException {
        byte[] bytes = body.readNBytes(RequestBodies.MAX_BODY_BYTES + 1);
        return Responses.write(messaging.publish(query.get("queue_name"), contentType, bytes));
    }

    @GetMapping("/examples/messaging/queue/{queue_name}/info")
    ResponseEntity<byte[]> queueInfo(@PathVariable("queue_name") String queueName) {
        return Responses.write(messaging.queueInfo(queueName));
    }
}
