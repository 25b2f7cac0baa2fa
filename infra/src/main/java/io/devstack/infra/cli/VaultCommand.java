package io.devstack.infra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack vault …}: the Vault commands the original stack needed by hand, now mostly automatic. */
@Command(
        name = "vault",
        mixinStandardHelpOptions = true,
        description = "Inspect and operate the stack's Vault.",
        subcommands = {
            VaultStatusCommand.class,
            VaultUnsealCommand.class,
            VaultShowPasswordCommand.class,
            VaultTokenCommand.class,
            VaultRotateCommand.class,
            VaultCaCertCommand.class
        })
final class VaultCommand {

    @ParentCommand
    DevstackCommand root;
}
