package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack vault unseal}: unseals with the saved keys (up does it by itself after a restart). */
@Command(name = "unseal", mixinStandardHelpOptions = true, description = "Unseal Vault with the keys saved at init.")
final class VaultUnsealCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Override
    public Integer call() {
        vault.root.localRuntime().runningVault(Progress.console()).unseal();
        System.out.println("Vault is unsealed.");
        return 0;
    }
}
