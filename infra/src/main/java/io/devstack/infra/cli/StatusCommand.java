package io.devstack.infra.cli;

import io.devstack.infra.runtime.ServiceStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack status}: running / stopped / crashed per service; a crashed one shows its last log lines. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show whether each service's process runs (exit 1 if one crashed).")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Override
    public Integer call() {
        List<ServiceStatus> statuses = root.activeRuntime().status();
        TextTable table = new TextTable("service", "address", "state", "pid");
        statuses.forEach(
                s -> table.row(s.service(), s.address(), s.state(), s.pid() > 0 ? Long.toString(s.pid()) : "-"));
        System.out.print(table.render());
        for (ServiceStatus s : statuses.stream().filter(ServiceStatus::crashed).toList()) {
            System.out.println();
            System.out.println(s.service() + " crashed; last log lines (./devstack logs " + s.service() + "):");
            s.logTail().forEach(l -> System.out.println("  | " + l));
        }
        return statuses.stream().anyMatch(ServiceStatus::crashed) ? 1 : 0;
    }
}
