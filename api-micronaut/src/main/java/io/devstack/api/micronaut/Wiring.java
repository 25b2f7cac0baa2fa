package io.devstack.api.micronaut;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.service.ImplementationInfo;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.version.VersionUtils;

/**
 * The DI bridge: common's composition root as a Micronaut bean, from the {@link ApiSettings} bean that
 * {@link Application} registers (tests provide their own); controllers and the filter take what they need from it.
 */
@Factory
final class Wiring {

    /** Built with the context (not at the first request) and closed with it. */
    @Context
    @Bean(preDestroy = "close")
    ApiServices services(ApiSettings settings) {
        return ApiServices.start(
                settings, ImplementationInfo.of(ApiModule.MICRONAUT, VersionUtils.getMicronautVersion()));
    }
}
