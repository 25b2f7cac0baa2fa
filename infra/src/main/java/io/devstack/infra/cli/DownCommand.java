package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code devstack down}: stops every service in reverse order; {@code --volumes} wipes the state too. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the stack.")
final class DownCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Option(
            names = {"-v", "--volumes"},
            description = "Also delete all state: data, Vault keys and secrets, AppRole files, logs.")
    boolean volumes;

    @Override
    public Integer call() {
        root.activeRuntime().down(volumes, Progress.console());
        System.out.println(volumes ? "Stack stopped and its state wiped." : "Stack stopped (state kept).");
        return 0;
    }
}
