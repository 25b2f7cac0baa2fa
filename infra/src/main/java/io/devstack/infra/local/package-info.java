/** The native runtime's mechanism: one launcher per backend, process supervision, binaries, port checks. */
package io.devstack.infra.local;
