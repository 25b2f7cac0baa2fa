package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/** The executor every controller names with {@code @ExecuteOn(TaskExecutors.BLOCKING)}. */
class BlockingExecutorTest extends ApiTestBase {

    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService blocking;

    @Test
    void blockingCallsRunOnVirtualThreads() throws Exception {
        assertThat(blocking.submit(() -> Thread.currentThread().isVirtual()).get())
                .isTrue();
    }
}
