package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack vault token}: prints the root token (for the Vault UI or CLI), only when asked. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Print Vault's root token.")
final class VaultTokenCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Override
    public Integer call() {
        System.out.println(
                vault.root.localRuntime().runningVault(Progress.SILENT).admin().rootToken());
        return 0;
    }
}
