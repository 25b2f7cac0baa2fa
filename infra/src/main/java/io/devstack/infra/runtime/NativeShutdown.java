package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.VaultLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Stopping the native stack: the supervisor first (so nothing stopped here is started again), then the data services
 * and APIs in parallel, Vault last; then, if asked, wiping its state.
 */
final class NativeShutdown {

    private final DevstackHome home;
    private final NativeServices services;

    NativeShutdown(DevstackHome home, NativeServices services) {
        this.home = home;
        this.services = services;
    }

    void down(boolean volumes, Progress progress) {
        stopSupervisor(progress);
        List<String> running = services.stopOrder().stream()
                .filter(s -> services.state(s).status() != ProcessState.Status.STOPPED)
                .toList();
        List<String> dataServices =
                running.stream().filter(s -> !s.equals(VaultLauncher.SERVICE)).toList();
        if (!dataServices.isEmpty()) {
            progress.step("stopping " + String.join(", ", dataServices));
        }
        List<String> failures = new ArrayList<>(stopAll(dataServices, services::stop));
        if (running.contains(VaultLauncher.SERVICE)) {
            progress.step("stopping vault");
            failures.addAll(stopAll(List.of(VaultLauncher.SERVICE), services::stop));
        }
        if (!failures.isEmpty()) {
            // nothing is wiped while a server may still write to its folder
            throw new StackException(
                    "down did not stop everything: " + String.join("; ", failures)
                            + "; stop it by hand (kill -9 <pid>), then run down again",
                    StackException.EXIT_FAILED);
        }
        if (volumes) {
            progress.step("wiping the stack's state (data, Vault keys, AppRole files, logs; binaries stay cached)");
            for (Path dir :
                    List.of(home.dataRoot(), home.vaultDir(), home.approleRoot(), home.runDir(), home.logsDir())) {
                deleteRecursively(dir);
            }
        }
    }

    /** First, so that nothing stopped below is taken for a crash and started again. */
    private void stopSupervisor(Progress progress) {
        SupervisorProcess supervisor = services.supervisorProcess();
        if (supervisor.state().status() == ProcessState.Status.STOPPED) {
            SupervisionState.clear(home);
            return;
        }
        progress.step("stopping the supervisor");
        try {
            supervisor.stop();
        } catch (RuntimeException e) {
            throw new StackException(
                    "down did not stop the supervisor: " + e.getMessage()
                            + "; nothing else was stopped (it would restart it): stop it by hand (kill -9 <pid>),"
                            + " then run down again",
                    StackException.EXIT_FAILED);
        }
    }

    /** Runs {@code stop} for every service in parallel; returns what failed, one message per service. */
    private static List<String> stopAll(List<String> services, Consumer<String> stop) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(s -> pool.submit(() -> {
                try {
                    stop.accept(s);
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }));
        }
        return List.copyOf(failures);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir + ": " + e.getMessage(), e);
        }
    }
}
