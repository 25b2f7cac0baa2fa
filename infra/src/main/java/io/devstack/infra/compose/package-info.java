/**
 * The compose runtime's half of the model: stack model → Docker Compose project (YAML, init wrappers, configs) and the
 * compose CLI driver.
 */
package io.devstack.infra.compose;
