package io.devstack.common.resilience;

import java.util.concurrent.CompletionStage;

/** Work started on an asynchronous driver: returns at once with the driver's future; may throw while starting. */
@FunctionalInterface
public interface AsyncBackendCall<T> {
    CompletionStage<T> start() throws Exception;
}
