package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code devstack reset}: wipe every piece of state and, if the stack was running, start it afresh. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Delete all state (data, Vault keys and secrets, AppRole files, logs; binaries and backups "
                + "stay) and start the stack afresh if it was running. Asks first.")
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
        LocalRuntime runtime = root.nativeRuntime("reset");
        Prompts.confirm(
                "Delete ALL data, secrets and Vault keys of the stack at "
                        + runtime.home().root() + "?",
                yes);
        boolean wasRunning = !runtime.pids().isEmpty();
        runtime.down(true, Progress.console());
        if (wasRunning) {
            runtime.up(runtime.lastProfiles(), Progress.console());
            System.out.println("Stack reset: fresh Vault, new passwords, empty databases (running).");
        } else {
            System.out.println("Stack reset: all state deleted; ./devstack up starts it afresh.");
        }
        return 0;
    }
}
