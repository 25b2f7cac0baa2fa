package io.devstack.infra.local;

/** A main for {@link ChildJvmTest}'s real child JVMs: loads a few JDK classes, says it ran, exits or waits. */
public final class AotProbeMain {

    private AotProbeMain() {}

    /** With {@code wait}: runs on until it is stopped, as a server does. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println(String.join(",", new java.util.TreeSet<>(java.util.List.of("ran", "probe"))));
        if (args.length > 0 && args[0].equals("wait")) {
            Thread.sleep(120_000);
        }
    }
}
