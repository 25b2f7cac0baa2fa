package io.devstack.infra.model;

import java.util.List;
import java.util.Set;

/**
 * One service of the stack as both runtimes see it: its name (container {@code dev-<name>}), the host ports it
 * publishes on 127.0.0.1 (the first is its main address), the profiles that include it and how the native
 * runtime treats it.
 */
public record StackService(String name, List<Integer> hostPorts, Set<Profile> profiles, NativeSupport nativeSupport) {

    public StackService {
        hostPorts = List.copyOf(hostPorts);
        profiles = Set.copyOf(profiles);
    }

    /** The port clients use, or -1 for a service that publishes none. */
    public int mainPort() {
        return hostPorts.isEmpty() ? -1 : hostPorts.getFirst();
    }

    /** A reference API's HTTPS port: the second one it publishes (docs/api-contract.md). */
    public int httpsPort() {
        if (nativeSupport != NativeSupport.API_MODULE) {
            throw new IllegalStateException(name + " is not a reference API: it has no HTTPS port of its own");
        }
        return hostPorts.get(1);
    }

    public boolean isNative() {
        return nativeSupport == NativeSupport.NATIVE;
    }
}
