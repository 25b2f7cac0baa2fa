/**
 * Orchestration: the {@code StackRuntime} the CLI drives, with its compose implementation and its native one
 * ({@code LocalRuntime}, a front over one {@code Native*} class per responsibility).
 */
package io.devstack.infra.runtime;
