package io.devstack.api.micronaut;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.service.ImplementationInfo;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.version.VersionUtils;
import jakarta.inject.Singleton;

/** The DI bridge: common's settings and composition root as Micronaut beans; controllers take what they need. */
@Factory
final class Wiring {

    /** From the process environment (API.md "Configuration"); tests replace this bean with the native stack's. */
    @Singleton
    ApiSettings settings() {
        return ApiSettings.fromEnvironment(System.getenv(), ApiModule.MICRONAUT);
    }

    /** Built with the context (not at the first request) and closed with it. */
    @Context
    @Bean(preDestroy = "close")
    ApiServices services(ApiSettings settings) {
        return ApiServices.start(settings,
                ImplementationInfo.of(ApiModule.MICRONAUT, VersionUtils.getMicronautVersion()));
    }
}
