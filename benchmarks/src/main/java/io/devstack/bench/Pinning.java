package io.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which CPUs the load generator and the server under test run on. With two or more CPUs and {@code taskset}
 * (util-linux) present, the generator (this JVM, every thread) takes CPU 0 and each server the others, so the two
 * do not steal each other's time slices; the backends are not pinned. Otherwise nothing is pinned and the report
 * says so.
 *
 * @param generatorCpus the CPU list of this JVM ({@code taskset -c} syntax), or null when not pinned
 * @param serverCpus the CPU list of each server, or null when not pinned
 */
record Pinning(String generatorCpus, String serverCpus) {

    static Pinning detect() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2 || taskset() == null) {
            return new Pinning(null, null);
        }
        return new Pinning("0", cpus == 2 ? "1" : "1-" + (cpus - 1));
    }

    boolean pinned() {
        return generatorCpus != null;
    }

    /** Moves every thread of this JVM (and so the threads it starts later) onto {@link #generatorCpus}. */
    void pinThisJvm() {
        if (!pinned()) {
            return;
        }
        run(List.of(
                taskset(),
                "-a",
                "-pc",
                generatorCpus,
                Long.toString(ProcessHandle.current().pid())));
    }

    /** {@code command} prefixed so the server runs on {@link #serverCpus}. */
    List<String> serverCommand(List<String> command) {
        if (!pinned()) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of(taskset(), "-c", serverCpus));
        pinned.addAll(command);
        return pinned;
    }

    String describe() {
        return pinned()
                ? "load generator on CPU " + generatorCpus + ", server under test on CPU " + serverCpus
                        + " (taskset); backends unpinned"
                : "not pinned (needs 2+ CPUs and taskset)";
    }

    private static String taskset() {
        return Stream.of("/usr/bin/taskset", "/bin/taskset")
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
