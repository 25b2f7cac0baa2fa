package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.ChildJvm;
import io.devstack.infra.local.LogRotation;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.ServiceLock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The supervisor: one small JVM per home ({@link SupervisorProcess} starts it at the end of {@code up}) that outlives
 * {@code up --detach}. Every second it looks at each service's pid file; a process that is gone while its pid file
 * stays has crashed (a deliberate stop removes the pid file under the service's
 * {@link ServiceLock}, which the supervisor honours), and it is started again as {@code up} would (in a short-lived
 * {@link ServiceRestart} JVM, so this one stays small), after the {@link RestartPolicy}'s backoff, until the policy
 * gives up. {@code down} stops the supervisor first; a restart under way finishes, then {@code down} stops it.
 * Every {@value LogRotation#CHECK_EVERY_SECONDS} s it rotates the home's logs ({@link LogRotation}). What it did is
 * in {@link SupervisionState} for {@code status}, and in its own log ({@code logs/supervisor.log}).
 */
public final class NativeSupervisor {

    private static final Duration POLL = Duration.ofSeconds(1);
    /** A restart loads the launcher's clients (lettuce, JDBC, …): its JVM gets more than this one. */
    private static final String RESTART_HEAP = "128m";

    private final DevstackHome home;
    private final NativeServices services;
    private final RestartPolicy policy;
    private final List<String> restartCommand;
    private final Map<String, List<Instant>> crashes = new ConcurrentHashMap<>();
    private final Map<String, SupervisionState> states = new TreeMap<>();
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();
    private final Progress log = message -> System.out.println(Instant.now() + " " + message);

    NativeSupervisor(DevstackHome home, NativeServices services, RestartPolicy policy) {
        this.home = home;
        this.services = services;
        this.policy = policy;
        // built now, so every class a restart needs is loaded while the jar is the one this JVM started from: a
        // rebuild of devstack while the stack runs rewrites it
        this.restartCommand = ChildJvm.command(
                ServiceRestart.class,
                RESTART_HEAP,
                List.of("-Ddevstack.home=" + home.root()),
                List.of(home.root().toString()));
    }

    /** {@code java … NativeSupervisor <home>}: supervises until SIGTERM ({@code down}). */
    public static void main(String[] args) {
        DevstackHome home = new DevstackHome(Path.of(args[0]));
        new LocalRuntime(home).supervisor().run();
    }

    /** Supervises until the JVM is stopped; returns at once when another supervisor holds this home. */
    void run() {
        boolean ran = ServiceLock.ifFree(home, SupervisorProcess.NAME, () -> {
            save();
            log.step("supervising " + home.root() + ": restarts after " + RestartPolicy.FIRST_DELAY.toSeconds()
                    + " s, doubling, gives up at " + policy.describe() + "; logs rotate over "
                    + LogRotation.MAX_BYTES / (1024 * 1024) + " MB, " + LogRotation.GENERATIONS + " kept");
            try (ExecutorService restarts = Executors.newVirtualThreadPerTaskExecutor()) {
                long nextRotation = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    for (String service : services.startOrder()) {
                        if (!restarting.contains(service)) {
                            ServiceLock.ifFree(home, service, () -> inspect(service, restarts));
                        }
                    }
                    if (System.nanoTime() - nextRotation >= 0) {
                        rotateLogs();
                        nextRotation = System.nanoTime()
                                + Duration.ofSeconds(LogRotation.CHECK_EVERY_SECONDS)
                                        .toNanos();
                    }
                    sleep(POLL);
                }
            }
        });
        if (!ran) {
            log.step("another supervisor watches " + home.root() + "; this one exits");
        }
    }

    /** Called holding the service's lock: nobody is starting or stopping it on purpose right now. */
    private void inspect(String service, ExecutorService restarts) {
        ProcessState state = services.state(service);
        boolean gaveUp = state(service).gaveUp();
        if (state.running() && gaveUp) {
            log.step(service + ": started again (pid " + state.pid() + "); supervised again");
            crashes.remove(service);
            update(service, s -> new SupervisionState(s.restarts(), false));
        } else if (state.status() == ProcessState.Status.CRASHED && !gaveUp) {
            // a deliberate stop removes the pid file under this lock: a pid file without its process is a crash
            log.step(service + ": pid " + state.pid() + " exited unexpectedly");
            Optional<Duration> delay = crashed(service);
            if (delay.isPresent()) {
                restarting.add(service);
                restarts.submit(() -> restartUntilUpOrGivenUp(service, delay.get()));
            }
        }
    }

    /** Restarts after each backoff until the service is up, or the policy gives up, or someone else acted. */
    private void restartUntilUpOrGivenUp(String service, Duration firstDelay) {
        try {
            Optional<Duration> delay = Optional.of(firstDelay);
            while (delay.isPresent() && !restart(service, delay.get())) {
                delay = crashed(service);
            }
        } finally {
            restarting.remove(service);
        }
    }

    /** Records a crash; the wait before the next start, or empty when the policy gives up (then recorded too). */
    private Optional<Duration> crashed(String service) {
        Instant now = Instant.now();
        List<Instant> history = crashes.computeIfAbsent(service, s -> new ArrayList<>());
        history.add(now);
        Optional<Duration> delay = policy.nextDelay(history, now);
        if (delay.isEmpty()) {
            update(service, s -> new SupervisionState(s.restarts(), true));
            log.step(service + ": " + policy.describe() + ": left stopped; see ./devstack logs " + service
                    + ", fix the cause, then ./devstack up");
        } else {
            log.step(service + ": restarting in " + delay.get().toMillis() + " ms");
        }
        return delay;
    }

    /**
     * Starts {@code service} after {@code delay} through a {@link ServiceRestart} JVM (its output goes to this log),
     * unless someone started or stopped it meanwhile; false: the start failed.
     */
    private boolean restart(String service, Duration delay) {
        sleep(delay);
        List<String> command = new ArrayList<>(restartCommand);
        command.add(service);
        long started = System.nanoTime();
        try {
            Process restart = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.logFile(SupervisorProcess.NAME).toFile()))
                    .redirectErrorStream(true)
                    .start();
            int exit = restart.waitFor();
            if (exit == ServiceRestart.NOTHING_TO_DO) {
                log.step(service + ": started or stopped by someone else meanwhile; nothing to do");
                return true;
            }
            update(service, s -> new SupervisionState(s.restarts() + 1, false));
            if (exit != 0) {
                return false;
            }
        } catch (IOException e) {
            log.step(service + ": cannot run the restart: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        ProcessState now = services.state(service);
        log.step(String.format(
                "%s: restarted (pid %d), ready %.1f s after the start began",
                service, now.pid(), (System.nanoTime() - started) / 1e9));
        return true;
    }

    private void rotateLogs() {
        try {
            LogRotation.rotateAll(home.logsDir()).forEach(l -> log.step("rotated " + l.getFileName()));
        } catch (RuntimeException e) {
            log.step("log rotation failed: " + e.getMessage());
        }
    }

    private synchronized SupervisionState state(String service) {
        return states.getOrDefault(service, SupervisionState.NONE);
    }

    private synchronized void update(String service, UnaryOperator<SupervisionState> change) {
        states.put(service, change.apply(state(service)));
        save();
    }

    private synchronized void save() {
        SupervisionState.write(home, states);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
