package io.devstack.api.helidon;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import java.util.concurrent.TimeUnit;

/** common's services pointed at the shared native stack, built once per test JVM and closed when it exits. */
final class TestStack {

    private static ApiServices services;

    private TestStack() {}

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
