package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts each service as its own OS process, detached from the terminal (its own session, so Ctrl-C in the
 * terminal and the end of the starting JVM do not reach it), with {@code run/<service>.pid} and
 * {@code logs/<service>.log}; stops it with its shutdown signal, then SIGKILL, and leaves no child behind.
 */
public final class ProcessSupervisor {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration EXEC_SETTLES_WITHIN = Duration.ofMillis(100);
    private static final Set<String> INHERITED =
            Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final DevstackHome home;

    public ProcessSupervisor(DevstackHome home) {
        this.home = home;
    }

    public DevstackHome home() {
        return home;
    }

    /** Launches {@code command} for {@code service}; returns its pid once the pid file is written. */
    public long start(String service, List<String> command, Map<String, String> environment, Path workDir) {
        List<String> detached = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            detached.add(SETSID.toString());
        }
        detached.addAll(command);
        try {
            DevstackHome.privateDirectory(home.logsDir());
            Files.createDirectories(workDir);
            DevstackHome.privateDirectory(home.runDir());
            Path log = home.logFile(service);
            Files.writeString(
                    log,
                    "=== devstack: starting " + service + " at " + Instant.now() + " ===\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(detached)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            onlyNeeded(builder.environment()).putAll(environment);
            Process process = builder.start();
            Files.writeString(home.pidFile(service), process.pid() + "\n");
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(service + ": cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps only what any server needs from this process's environment: a child must not inherit a token or password
     * the developer's shell happens to hold (VAULT_TOKEN, PGPASSWORD, …). What a service needs besides is passed
     * explicitly by its launcher.
     */
    static Map<String, String> onlyNeeded(Map<String, String> environment) {
        environment.keySet().retainAll(INHERITED);
        return environment;
    }

    public ProcessState state(String service) {
        Optional<Long> pid = readPid(service);
        if (pid.isEmpty()) {
            return new ProcessState(service, ProcessState.Status.STOPPED, -1);
        }
        return isOurs(pid.get())
                ? new ProcessState(service, ProcessState.Status.RUNNING, pid.get())
                : new ProcessState(service, ProcessState.Status.CRASHED, pid.get());
    }

    /** True while the process is alive; for callers waiting on readiness, to stop early when it died. */
    public boolean alive(String service) {
        return state(service).running();
    }

    /**
     * Stops the service: its shutdown signal, up to {@code grace} for a clean exit, then SIGKILL; every
     * descendant still alive afterwards (e.g. a PostgreSQL backend) is killed too. Removes the pid file.
     *
     * @throws IllegalStateException when the process outlives SIGKILL (its pid file stays, so status still shows it)
     */
    public void stop(String service, StopSignal signal, Duration grace) {
        ProcessState state = state(service);
        if (state.running()) {
            ProcessHandle handle = ProcessHandle.of(state.pid()).orElseThrow();
            List<ProcessHandle> descendants = handle.descendants().toList();
            signal(handle, signal);
            if (!awaitExit(handle, grace)) {
                handle.destroyForcibly();
                awaitExit(handle, KILL_WAIT);
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            descendants.forEach(d -> awaitExit(d, KILL_WAIT));
            if (!awaitExit(handle, Duration.ZERO)) {
                throw new IllegalStateException(service + " (pid " + state.pid() + ") is still running after SIGKILL");
            }
        }
        try {
            Files.deleteIfExists(home.pidFile(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code count} lines of the service's log, for a one-glance diagnosis of a failed start. */
    public List<String> lastLogLines(String service, int count) {
        return LogTail.lastLines(home.logFile(service), count);
    }

    private Optional<Long> readPid(String service) {
        Path file = home.pidFile(service);
        try {
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    /**
     * A pid can be reused after a crash: the process counts as ours only if its executable or command line
     * points into this DevStack home (Redis rewrites its command line, its executable still lives here). A process
     * caught in the middle of an {@code exec} (setsid becoming java) can read as someone else's for an instant, so
     * a live process that does not look ours is asked once more; a reused pid stays someone else's.
     */
    private boolean isOurs(long pid) {
        if (!running(pid)) {
            return false;
        }
        if (pointsIntoHome(pid)) {
            return true;
        }
        try {
            Thread.sleep(EXEC_SETTLES_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running(pid) && pointsIntoHome(pid);
    }

    /** Alive and not a zombie: a dead child of a still-running JVM stays a zombie until reaped. */
    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private boolean pointsIntoHome(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return false;
        }
        String cmdline = readProc(pid, "cmdline").replace('\0', ' ');
        String exe = "";
        try {
            exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"))
                    .toString();
        } catch (IOException | UnsupportedOperationException ignored) {
            exe = handle.get().info().command().orElse("");
        }
        if (cmdline.isEmpty()) {
            cmdline = handle.get().info().commandLine().orElse("");
        }
        String command = cmdline;
        String executable = exe;
        return ownRoots().stream().anyMatch(r -> executable.startsWith(r) || command.contains(r));
    }

    /** The home, and the real folders behind it (a test home may link {@code bin/} to a shared cache). */
    private List<String> ownRoots() {
        List<String> roots = new ArrayList<>();
        roots.add(home.root().toString());
        for (Path p : List.of(home.root(), home.binRoot(), home.toolsRoot())) {
            try {
                roots.add(p.toRealPath().toString());
            } catch (IOException ignored) {
                // not there (yet): nothing can run from it
            }
        }
        return roots;
    }

    private static boolean zombie(long pid) {
        String stat = readProc(pid, "stat");
        int close = stat.lastIndexOf(')');
        return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
    }

    private static String readProc(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void signal(ProcessHandle handle, StopSignal signal) {
        if (signal == StopSignal.TERM) {
            handle.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal.name(), Long.toString(handle.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && !zombie(handle.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
