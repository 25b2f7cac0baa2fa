package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.MessagingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /examples/messaging/publish?queue_name=Q} and {@code GET /examples/messaging/queue/{queue_name}/info}.
 */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MessagingEndpoints {

    private final MessagingService messaging;

    MessagingEndpoints(ApiServices services) {
        this.messaging = services.messaging();
    }

    @Post("/examples/messaging/publish")
    HttpResponse<byte[]> publish(
            @Nullable @QueryValue("queue_name") String queueName,
            @Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType,
            @Nullable @Body byte[] body) {
        return Responses.write(messaging.publish(queueName, contentType, body));
    }

    @Get("/examples/messaging/queue/{queue_name}/info")
    HttpResponse<byte[]> queueInfo(@PathVariable("queue_name") String queueName) {
        return Responses.write(messaging.queueInfo(queueName));
    }
}
