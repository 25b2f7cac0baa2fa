package io.devstack.common.resilience;

/** Work done against a backend; may throw the client library's checked exceptions. */
@FunctionalInterface
public interface BackendCall<T> {
    T run() throws Exception;
}
