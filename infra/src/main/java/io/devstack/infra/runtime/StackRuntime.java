package io.devstack.infra.runtime;

import io.devstack.infra.Progress;
import io.devstack.infra.model.Profile;
import java.util.List;
import java.util.Set;

/** One way to run the stack (native processes today, Docker Compose next): what the CLI drives. */
public interface StackRuntime {

    /** Starts what the profiles select (idempotent), waits until every service is usable, and reports. */
    StackReport up(Set<Profile> profiles, Progress progress);

    /** Stops everything in reverse start order; {@code volumes} also wipes the stack's state. */
    void down(boolean volumes, Progress progress);

    /** Whether each service's process runs, without calling it. */
    List<ServiceStatus> status();

    /** A real authenticated call per running service. */
    List<ServiceHealth> health();
}
