package io.devstack.infra.runtime;

import io.devstack.infra.local.BackendLauncher;
import io.devstack.infra.local.PortCheck;
import io.devstack.infra.local.VaultLauncher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Before {@code up} starts anything: every port a service about to start needs must be free. */
final class PortPreflight {

    private PortPreflight() {}

    /** Fails with one line naming the first busy port and its service (and the others busy) when any is taken. */
    static void requireFree(NativeServices services, List<BackendLauncher> selected) {
        Map<String, List<Integer>> needed = new LinkedHashMap<>();
        if (!services.isRunning(VaultLauncher.SERVICE)) {
            needed.put(VaultLauncher.SERVICE, services.vault().ports());
        }
        selected.stream()
                .filter(b -> !services.isRunning(b.service()))
                .forEach(b -> needed.put(b.service(), b.ports()));
        List<PortCheck.Conflict> conflicts = PortCheck.conflicts(needed);
        if (!conflicts.isEmpty()) {
            String more = conflicts.size() == 1
                    ? ""
                    : " (also busy: "
                            + conflicts.stream()
                                    .skip(1)
                                    .map(c -> c.port() + " " + c.service())
                                    .collect(Collectors.joining(", "))
                            + ")";
            throw new StackException(conflicts.getFirst().message() + more, StackException.EXIT_PORT_IN_USE);
        }
    }
}
