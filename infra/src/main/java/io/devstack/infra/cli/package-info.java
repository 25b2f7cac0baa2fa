/** The {@code devstack} command line (picocli): one class per command, one error handler. */
package io.devstack.infra.cli;
