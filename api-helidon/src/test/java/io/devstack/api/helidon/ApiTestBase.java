package io.devstack.api.helidon;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.concurrent.TimeUnit;

/**
 * The base of every test that talks to the API: Helidon's {@code @ServerTest} starts the production listener set-up
 * ({@link Application#limits}) and route table ({@link Routes#routing}) on a random port, over common's services
 * pointed at the shared native stack (built once per test JVM, closed when it exits). Helidon finds the static
 * {@code @SetUp...} methods here through the class hierarchy; each test takes its client in its constructor.
 */
@ServerTest
abstract class ApiTestBase {

    private static ApiServices services;

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Application.limits(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Routes.routing(routing, services());
    }

    static synchronized ApiServices services() {
        if (services == null) {
            ApiSettings settings = ApiSettings.fromEnvironment(
                    NativeStack.shared().apiEnvironment(ApiModule.HELIDON.moduleName()), ApiModule.HELIDON);
            services = ApiServices.start(settings, Application.implementation());
            // the first call to each backend opens its pool: let that happen before tests measure anything
            services.warmUp().orTimeout(2, TimeUnit.MINUTES).join();
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "test-services-close"));
        }
        return services;
    }
}
