package io.devstack.api.vertx;

import io.devstack.common.service.MessagingService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /examples/messaging/publish?queue_name=Q} and {@code GET /examples/messaging/queue/{queue_name}/info}.
 */
final class MessagingEndpoints {

    private final MessagingService messaging;
    private final Offload offload;

    MessagingEndpoints(MessagingService messaging, Offload offload) {
        this.messaging = messaging;
        this.offload = offload;
    }

    void mount(Router router) {
        Routes.withJsonBody(router.post("/examples/messaging/publish")).handler(this::publish);
        router.get("/examples/messaging/queue/:queue_name/info").handler(this::queueInfo);
    }

    private void publish(RoutingContext ctx) {
        String queueName = ctx.queryParams().get("queue_name");
        String contentType = Routes.contentType(ctx);
        byte[] body = Routes.body(ctx);
        offload.respond(ctx, () -> messaging.publish(queueName, contentType, body));
    }

    private void queueInfo(RoutingContext ctx) {
        String queueName = ctx.pathParam("queue_name");
        offload.respond(ctx, () -> messaging.queueInfo(queueName));
    }
}
