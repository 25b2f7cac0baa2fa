package io.devstack.api.micronaut;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ApiSettings} bean in tests (where {@link Application} does not run): exactly the environment the
 * native stack gives api-micronaut. {@code @MicronautTest} picks a random HTTP port itself.
 */
@Factory
final class NativeStackSettings {

    @Singleton
    ApiSettings settings() {
        return settings(Map.of());
    }

    /** The stack's environment for api-micronaut with {@code overrides} on top (e.g. TLS_ENABLED). */
    static ApiSettings settings(Map<String, String> overrides) {
        Map<String, String> env =
                new LinkedHashMap<>(NativeStack.shared().apiEnvironment(ApiModule.MICRONAUT.moduleName()));
        env.putAll(overrides);
        return ApiSettings.fromEnvironment(env, ApiModule.MICRONAUT);
    }
}
