/**
 * The one description of the stack (services, ports, profiles, Vault layout) as plain records, shared by both
 * runtimes; every list of service names and ports elsewhere in infra is read from {@code StackServices}.
 */
package io.devstack.infra.model;
