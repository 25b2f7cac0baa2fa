package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.vault.VaultServerState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack vault status}: initialised / sealed / version, from {@code sys/health} (no token needed). */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show whether Vault is initialised and unsealed.")
final class VaultStatusCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Override
    public Integer call() {
        VaultServerState status =
                vault.root.localRuntime().runningVault(Progress.SILENT).status();
        System.out.println("address:     " + VaultLauncher.ADDRESS);
        System.out.println("version:     " + status.version());
        System.out.println("initialized: " + status.initialized());
        System.out.println("sealed:      " + status.sealed());
        return status.ready() ? 0 : 1;
    }
}
