package io.devstack.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiModuleTest {

    @Test
    void portsAndNamesAreThoseOfTheContract() {
        assertThat(Arrays.stream(ApiModule.values())
                        .map(m -> m.moduleName() + " " + m.framework() + " " + m.httpPort() + " " + m.httpsPort()))
                .containsExactly(
                        "api-spring Spring Boot 8000 8443",
                        "api-micronaut Micronaut 8001 8444",
                        "api-helidon Helidon SE 8002 8445",
                        "api-vertx Vert.x 8003 8446",
                        "api-javalin Javalin 8004 8447");
    }
}
