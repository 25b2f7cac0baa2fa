package io.devstack.fault;

import io.devstack.testsupport.NativeStack;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One fault: how it is caused, how it is undone, and the request that shows an API has recovered.
 *
 * @param name the report's row label
 * @param recoveryPath a GET whose 200 (and, for a health path, {@code "healthy"}) means the API serves again
 * @param inject causes the fault
 * @param restore undoes it the way a developer would (SIGCONT, unseal), or waits for the supervisor to (a kill)
 */
record Fault(String name, String recoveryPath, Action inject, Action restore) {

    private static final String KILL = "kill -9 ";
    /** Detection (1 s), backoff (1 s), a restart JVM and the server's own start, on a loaded 2-core machine. */
    private static final Duration SUPERVISOR_WITHIN = Duration.ofSeconds(90);

    @FunctionalInterface
    interface Action {
        void run(NativeStack stack) throws Exception;
    }

    /**
     * kill -9 of the backend's process and every process it started (PostgreSQL's backends would otherwise keep serving
     * the connections they hold); the stack's supervisor starts it again by itself, and then {@code devstack up} finds
     * it running (a no-op, as it is for a developer who runs it out of habit). Undoing fails when the supervisor does
     * not bring the backend back.
     */
    static Fault kill(String service, String recoveryPath) {
        int[] restartsBefore = new int[1];
        return new Fault(
                KILL + service,
                recoveryPath,
                stack -> {
                    restartsBefore[0] = stack.restarts(service);
                    ProcessHandle server = stack.process(service);
                    List<ProcessHandle> children = server.descendants().toList();
                    server.destroyForcibly();
                    children.forEach(ProcessHandle::destroyForcibly);
                    server.onExit().get();
                },
                stack -> {
                    stack.awaitRestartBySupervisor(service, restartsBefore[0], SUPERVISOR_WITHIN);
                    stack.up();
                });
    }

    /** Killed, and so brought back by the supervisor rather than by the one undoing it. */
    boolean restartedBySupervisor() {
        return name.startsWith(KILL);
    }

    /** SIGSTOP: the backend keeps its connections open but stops answering; SIGCONT undoes it. */
    static Fault freeze(String service, String recoveryPath) {
        long[] pid = new long[1];
        return new Fault(
                "SIGSTOP " + service,
                recoveryPath,
                stack -> {
                    pid[0] = stack.process(service).pid();
                    signal("STOP", pid[0]);
                },
                stack -> signal("CONT", pid[0]));
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(pid)))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }
}
