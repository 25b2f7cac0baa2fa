package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.Readiness;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code java … ServiceRestart <home> <service>}: one restart of a crashed service for the {@link NativeSupervisor},
 * in a JVM of its own that exits when the service is ready, so that the clients and drivers a start loads never stay
 * in the long-lived supervisor. Exit 0: started; {@value #NOTHING_TO_DO}: it is no longer crashed (started or
 * stopped by someone else meanwhile); 1: the start failed (the line says why).
 */
public final class ServiceRestart {

    static final int NOTHING_TO_DO = 3;

    private ServiceRestart() {}

    public static void main(String[] args) {
        DevstackHome home = new DevstackHome(Path.of(args[0]));
        String service = args[1];
        Progress progress = message -> System.out.println(Instant.now() + " " + message);
        int exit;
        try {
            exit = new LocalRuntime(home).restartCrashed(service, progress) ? 0 : NOTHING_TO_DO;
        } catch (RuntimeException e) {
            progress.step(service + ": start failed: " + Readiness.describe(e));
            exit = 1;
        }
        System.out.flush();
        // the drivers a start loads leave non-daemon threads behind
        System.exit(exit);
    }
}
