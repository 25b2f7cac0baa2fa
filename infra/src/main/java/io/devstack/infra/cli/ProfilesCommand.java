package io.devstack.infra.cli;

import io.devstack.infra.model.StackService;
import io.devstack.infra.ops.ProfileMemory;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack profiles}: each profile's services and the memory its running ones take now. */
@Command(
        name = "profiles",
        mixinStandardHelpOptions = true,
        description = "List what each profile starts, with the resident memory of the services running now.")
final class ProfilesCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Override
    public Integer call() {
        TextTable table = new TextTable("profile", "native services", "compose only", "measured RSS (running now)");
        for (ProfileMemory.Row row : ProfileMemory.measure(root.localRuntime())) {
            long running = row.rssKiB().size();
            long nativeCount = row.services().size() - row.composeOnly().size();
            table.row(
                    row.profile().id(),
                    String.join(
                            " ",
                            row.services().stream()
                                    .map(StackService::name)
                                    .filter(n -> !row.composeOnly().contains(n))
                                    .toList()),
                    Integer.toString(row.composeOnly().size()),
                    running == 0
                            ? "- (not running)"
                            : String.format(
                                    Locale.ROOT,
                                    "%d MB for %d of %d native",
                                    row.totalKiB() / 1024,
                                    running,
                                    nativeCount));
        }
        System.out.print(table.render());
        System.out.println(
                "Compose-only services (pgbouncer, forgejo, the observability set) run under --runtime docker.");
        return 0;
    }
}
