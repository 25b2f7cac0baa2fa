package io.devstack.api.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApplicationTest extends ApiTestBase {

    @Test
    void jettyRunsRequestsOnVirtualThreadsSoBlockingCommonCallsAreCheap(RunningApi api) throws Exception {
        CompletableFuture<Boolean> virtual = new CompletableFuture<>();

        api.app
                .jettyServer()
                .threadPool()
                .execute(() -> virtual.complete(Thread.currentThread().isVirtual()));

        assertThat(virtual.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void implementationNamesJavalinAndItsVersion() {
        assertThat(Application.implementation().module()).isEqualTo("api-javalin");
        assertThat(Application.implementation().framework()).isEqualTo("Javalin");
        assertThat(Application.implementation().frameworkVersion()).matches("7\\.\\d+\\.\\d+");
    }
}
