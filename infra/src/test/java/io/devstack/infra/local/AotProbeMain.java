package io.devstack.infra.local;

/** A main for {@link ChildJvmTest}'s real child JVMs: loads a few JDK classes, says it ran, exits. */
public final class AotProbeMain {

    private AotProbeMain() {}

    public static void main(String[] args) {
        System.out.println(String.join(",", new java.util.TreeSet<>(java.util.List.of("ran", "probe"))));
    }
}
