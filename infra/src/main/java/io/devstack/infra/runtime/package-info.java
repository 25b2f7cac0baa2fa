/** Orchestration: the {@code StackRuntime} the CLI drives, and its native and (later) compose implementations. */
package io.devstack.infra.runtime;
