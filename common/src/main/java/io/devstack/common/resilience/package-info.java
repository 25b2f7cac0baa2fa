/** Deadlines, one circuit breaker per backend, and backend call timing: how every backend call is guarded. */
package io.devstack.common.resilience;
