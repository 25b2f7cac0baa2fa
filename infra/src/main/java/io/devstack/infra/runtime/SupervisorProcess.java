package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.ChildJvm;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.ProcessSupervisor;
import io.devstack.infra.local.ServiceLock;
import io.devstack.infra.local.StopSignal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link NativeSupervisor}'s own process: started by {@code up} when none runs for the home (pid file
 * {@code run/supervisor.pid}, log {@code logs/supervisor.log}), stopped first by {@code down}. A small JVM: it idles,
 * and wakes once a second.
 */
final class SupervisorProcess {

    static final String NAME = "supervisor";
    /** Enough to start any service again (the launchers' clients and probes), small enough to idle in ~40 MB. */
    private static final String MAX_HEAP = "64m";

    private final DevstackHome home;
    private final ProcessSupervisor processes;

    SupervisorProcess(DevstackHome home, ProcessSupervisor processes) {
        this.home = home;
        this.processes = processes;
    }

    ProcessState state() {
        return processes.state(NAME);
    }

    /** Starts the supervisor unless one runs for this home: a second {@code up} starts none. */
    void ensureRunning(Progress progress) {
        ServiceLock.holding(home, NAME + "-start", () -> {
            if (processes.alive(NAME)) {
                return;
            }
            Map<String, String> env = new LinkedHashMap<>();
            // it starts services as this devstack would: the same home, checkout and Vault binary settings
            System.getenv().forEach((name, value) -> {
                if (name.startsWith("DEVSTACK_")) {
                    env.put(name, value);
                }
            });
            env.put(DevstackHome.ENV, home.root().toString());
            List<String> command = ChildJvm.command(
                    NativeSupervisor.class,
                    MAX_HEAP,
                    List.of("-Ddevstack.home=" + home.root()),
                    List.of(home.root().toString()));
            long pid = processes.start(NAME, command, env, home.runDir());
            progress.step("supervisor: watching the services (pid " + pid + "; restarts a crashed one, rotates logs)");
        });
    }

    /** Stops the supervisor and forgets what it counted; throws when it outlives SIGKILL. */
    void stop() {
        processes.stop(NAME, StopSignal.TERM, Duration.ofSeconds(10));
        SupervisionState.clear(home);
    }
}
