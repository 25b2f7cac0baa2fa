package io.devstack.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.testsupport.ReferenceApis;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code infra} (the lean CLI) and {@code common} (the APIs' libraries) do not depend on each other, so the five
 * APIs' names and ports are written once on each side: infra's {@link StackServices} and common's {@link ApiModule}.
 * This module sees both, and holds them equal.
 */
class ApiModuleMatchesStackModelTest {

    @Test
    void commonsApiModuleListsTheStackModelsApisInOrderWithTheSamePorts() {
        List<String> common = Arrays.stream(ApiModule.values())
                .map(m -> m.moduleName() + " " + m.httpPort() + " " + m.httpsPort())
                .toList();
        List<String> infra = StackServices.apis().stream()
                .map(api -> api.name() + " " + api.mainPort() + " " + api.httpsPort())
                .toList();
        assertThat(common).isNotEmpty().isEqualTo(infra);
    }

    @Test
    void theParityFixtureStartsExactlyTheseApis() {
        assertThat(ReferenceApis.MODULES.keySet()).containsExactlyElementsOf(StackServices.apiNames());
        assertThat(ReferenceApis.MODULES.values())
                .containsExactlyElementsOf(StackServices.apis().stream()
                        .map(StackService::mainPort)
                        .toList());
    }
}
