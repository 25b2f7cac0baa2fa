package io.devstack.api.javalin;

import io.devstack.common.service.MessagingService;
import io.javalin.http.Context;

/** {@code POST /examples/messaging/publish?queue_name=Q} (the JSON body is the message) and queue info. */
final class MessagingEndpoints {

    private final MessagingService messaging;

    MessagingEndpoints(MessagingService messaging) {
        this.messaging = messaging;
    }

    void publish(Context ctx) {
        Responses.write(ctx, messaging.publish(ctx.queryParam("queue_name"), ctx.contentType(), ctx.bodyAsBytes()));
    }

    void queueInfo(Context ctx) {
        Responses.write(ctx, messaging.queueInfo(ctx.pathParam("queue_name")));
    }
}
