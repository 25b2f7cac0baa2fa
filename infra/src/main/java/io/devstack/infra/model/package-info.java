/** The one description of the stack (services, ports, Vault layout) as plain records, shared by both runtimes. */
package io.devstack.infra.model;
