package io.devstack.fault;

import io.devstack.testsupport.NativeStack;
import java.io.IOException;
import java.util.List;

/**
 * One fault: how it is caused, how it is undone, and the request that shows an API has recovered.
 *
 * @param name the report's row label
 * @param recoveryPath a GET whose 200 (and, for a health path, {@code "healthy"}) means the API serves again
 * @param inject causes the fault
 * @param restore undoes it the way a developer would ({@code devstack up}, SIGCONT, unseal)
 */
record Fault(String name, String recoveryPath, Action inject, Action restore) {

    @FunctionalInterface
    interface Action {
        void run(NativeStack stack) throws Exception;
    }

    /**
     * kill -9 of the backend's process and every process it started (PostgreSQL's backends would otherwise keep serving
     * the connections they hold), then {@code devstack up} starts it again.
     */
    static Fault kill(String service, String recoveryPath) {
        return new Fault(
                "kill -9 " + service,
                recoveryPath,
                stack -> {
                    ProcessHandle server = stack.process(service);
                    List<ProcessHandle> children = server.descendants().toList();
                    server.destroyForcibly();
                    children.forEach(ProcessHandle::destroyForcibly);
                    server.onExit().get();
                },
                NativeStack::up);
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
