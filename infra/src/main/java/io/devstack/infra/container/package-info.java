/**
 * The stack as containers (images, networks, mounts, health checks, init wrappers): what the compose project and the
 * Helm chart both render. The native runtime never reads it, so it stays out of {@code model/}.
 */
package io.devstack.infra.container;
