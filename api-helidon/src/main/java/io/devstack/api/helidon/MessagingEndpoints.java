package io.devstack.api.helidon;

import io.devstack.common.service.MessagingService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code POST /examples/messaging/publish?queue_name=} and {@code GET /examples/messaging/queue/{queue_name}/info}. */
final class MessagingEndpoints implements HttpService {

    private final MessagingService messaging;

    MessagingEndpoints(MessagingService messaging) {
        this.messaging = messaging;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/examples/messaging/publish", this::publish)
                .get("/examples/messaging/queue/{queue_name}/info", this::queueInfo);
    }

    private void publish(ServerRequest req, ServerResponse res) {
        Responses.write(
                res,
                messaging.publish(
                        req.query().first("queue_name").orElse(null),
                        req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null),
                        Responses.body(req)));
    }

    private void queueInfo(ServerRequest req, ServerResponse res) {
        Responses.write(res, messaging.queueInfo(Responses.pathParam(req, "queue_name")));
    }
}
