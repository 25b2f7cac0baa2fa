package io.devstack.infra.cli;

import io.devstack.infra.local.DiskSpace;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.ServiceStatus;
import io.devstack.infra.runtime.StackRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code devstack status}: running / stopped / crashed / gave up per service and its restarts by the supervisor; a
 * crashed one shows its last log lines and what to do.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show whether each service's process runs and how often the supervisor restarted it "
                + "(exit 1 if one crashed).")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Override
    public Integer call() {
        StackRuntime runtime = root.activeRuntime();
        List<ServiceStatus> statuses = runtime.status();
        TextTable table = new TextTable("service", "address", "state", "pid", "restarts");
        statuses.forEach(s -> table.row(
                s.service(),
                s.address(),
                s.state(),
                s.pid() > 0 ? Long.toString(s.pid()) : "-",
                Integer.toString(s.restarts())));
        System.out.print(table.render());
        if (runtime instanceof LocalRuntime local && statuses.stream().anyMatch(s -> s.pid() > 0)) {
            ProcessState supervisor = local.supervisorState();
            System.out.println(
                    supervisor.running()
                            ? "supervisor: running (pid " + supervisor.pid()
                                    + "): restarts a crashed service, rotates the logs"
                            : "supervisor: " + supervisor.label()
                                    + ": nothing restarts a crashed service — ./devstack up starts it");
        }
        if (runtime instanceof LocalRuntime local) {
            DiskSpace.fullDisk(local.home()).ifPresent(System.out::println);
        }
        for (ServiceStatus s : statuses.stream().filter(ServiceStatus::crashed).toList()) {
            System.out.println();
            System.out.println(
                    s.gaveUp()
                            ? s.service() + " kept crashing; the supervisor gave up after " + s.restarts()
                                    + " restarts. Find the cause in ./devstack logs " + s.service()
                                    + ", then ./devstack up starts it again. Last log lines:"
                            : s.service() + " crashed; last log lines (./devstack logs " + s.service() + "):");
            s.logTail().forEach(l -> System.out.println("  | " + l));
        }
        return statuses.stream().anyMatch(ServiceStatus::crashed) ? 1 : 0;
    }
}
