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

    /**
     * Built with the context (not at the first request) and closed with it. With TLS the first certificate is issued
     * here: Micronaut asks for the key store only when the HTTPS listener opens, where a failure would be reported as
     * the listener's, not Vault's.
     */
    @Context
    @Bean(preDestroy = "close")
    ApiServices services(ApiSettings settings) {
        ApiServices services = ApiServices.start(
                settings, ImplementationInfo.of(ApiModule.MICRONAUT, VersionUtils.getMicronautVersion()));
        try {
            if (settings.tlsEnabled()) {
                services.tls().current();
            }
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }
}
