package io.devstack.api.vertx;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.TestTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxTestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The production {@link Application} for one test class: the environment of docs/api-contract.md from the shared native
 * stack, on free ports (the standard ones may be serving colleagues' APIs), started on the test's Vert.x.
 */
final class RunningApi {

    static final String MODULE = ApiModule.VERTX.moduleName();

    private RunningApi() {}

    /** The environment a deployment gets, pointing at the native stack, with free ports. */
    static Map<String, String> environment(boolean tls) {
        Map<String, String> env = new LinkedHashMap<>(NativeStack.shared().apiEnvironment(MODULE));
        env.put("HTTP_PORT", Integer.toString(TestTls.freePort()));
        env.put("HTTPS_PORT", Integer.toString(TestTls.freePort()));
        env.put("TLS_ENABLED", Boolean.toString(tls));
        return env;
    }

    static Application create(Vertx vertx, boolean tls) {
        return Application.create(ApiSettings.fromEnvironment(environment(tls), ApiModule.VERTX), vertx);
    }

    /** Stops {@code app} (if {@code @BeforeAll} got as far as creating it) and completes {@code ctx}. */
    static void stop(Application app, VertxTestContext ctx) {
        if (app == null) {
            ctx.completeNow();
        } else {
            app.stop().onComplete(ctx.succeedingThenComplete());
        }
    }

    /** A client for the app's HTTP port that shows redirects instead of following them. */
    static WebClient client(Vertx vertx, Application app) {
        return WebClient.create(
                vertx,
                new WebClientOptions()
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(app.services().settings().httpPort())
                        .setFollowRedirects(false));
    }

    /** Completes {@code ctx} once {@code result} succeeded and {@code assertions} passed on its value. */
    static <T> void verify(VertxTestContext ctx, Future<T> result, Consumer<T> assertions) {
        result.onComplete(ctx.succeeding(value -> ctx.verify(() -> {
            assertions.accept(value);
            ctx.completeNow();
        })));
    }
}
