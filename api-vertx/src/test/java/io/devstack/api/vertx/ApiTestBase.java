package io.devstack.api.vertx;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the production {@link Application} (HTTP only) once per test class on free ports against the shared native
 * stack, and gives the class a {@link WebClient} on it; undeploys it after the class.
 */
@ExtendWith(VertxExtension.class)
abstract class ApiTestBase {

    static Application app;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext ctx) {
        app = RunningApi.create(vertx, false);
        app.start().onComplete(ctx.succeeding(started -> {
            client = RunningApi.client(vertx, app);
            ctx.completeNow();
        }));
    }

    @AfterAll
    static void stop(VertxTestContext ctx) {
        RunningApi.stop(app, ctx);
    }
}
