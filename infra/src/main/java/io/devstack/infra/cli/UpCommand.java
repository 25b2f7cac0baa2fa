package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.compose.ComposeCli;
import io.devstack.infra.model.Profile;
import io.devstack.infra.runtime.StackReport;
import io.devstack.infra.runtime.StackRuntime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code devstack up}: starts the selected services, waits until each is usable, prints the summary. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start the stack (Vault first, then the data services in parallel, then the Redis cluster; "
                + "with --profile reference, then the five APIs).")
final class UpCommand implements Callable<Integer> {

    /** Which runtime runs the stack; {@code auto} picks docker when {@code docker info} answers. */
    enum RuntimeChoice {
        NATIVE,
        DOCKER,
        AUTO
    }

    @ParentCommand
    DevstackCommand root;

    @Option(
            names = "--profile",
            split = ",",
            paramLabel = "PROFILE",
            description = "minimal, standard (default), full, reference; repeatable or comma-separated.")
    List<String> profiles = List.of();

    @Option(
            names = "--runtime",
            defaultValue = "native",
            paramLabel = "RUNTIME",
            description = "native (default), docker or auto.")
    RuntimeChoice runtimeChoice;

    @Option(
            names = {"-d", "--detach"},
            description = "Return once the stack is ready and leave it running.")
    boolean detach;

    @Override
    public Integer call() throws InterruptedException {
        Set<Profile> selected = EnumSet.noneOf(Profile.class);
        profiles.forEach(p -> selected.add(Profile.parse(p)));
        StackRuntime runtime = switch (runtimeChoice) {
            case NATIVE -> root.localRuntime();
            case DOCKER -> root.composeRuntime();
            case AUTO -> ComposeCli.engineAnswers() ? root.composeRuntime() : root.localRuntime();
        };
        StackReport report = runtime.up(selected, Progress.console());
        System.out.println();
        System.out.print(SummaryTable.render(report));
        if (detach) {
            System.out.println("Running in the background; stop it with ./devstack down.");
            return 0;
        }
        System.out.println("Running in the foreground; Ctrl-C stops the stack (use --detach to keep it running).");
        System.out.flush();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println();
                            runtime.down(false, Progress.console());
                            System.err.println("stack stopped");
                        },
                        "devstack-down"));
        new CountDownLatch(1).await();
        return 0;
    }
}
