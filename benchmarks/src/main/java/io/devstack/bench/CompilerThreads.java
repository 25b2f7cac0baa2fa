package io.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JIT compiler threads of some JVMs (HotSpot names them {@code C1 CompilerThread<n>} and
 * {@code C2 CompilerThread<n>}; Linux keeps the first 15 characters in {@code /proc/<pid>/task/<tid>/comm}). When they
 * go quiet under load, the hot paths are compiled and the measured rate no longer climbs: a more direct sign of a warm
 * JVM than the rate itself, which on a shared machine moves with everything else that runs.
 *
 * <p>HotSpot starts and ends compiler threads as its queue grows and shrinks, so each reading counts per thread: the
 * time a thread used since the last reading, or all of it for a thread not seen before. On a system without
 * {@code /proc} every reading is zero (the warm-up then relies on the rate alone).
 */
final class CompilerThreads {

    private static final String COMPILER_THREAD = "C[12] CompilerThre.*";

    private final List<Long> pids;
    private final Map<String, Long> lastTicks = new HashMap<>();

    private CompilerThreads(List<Long> pids) {
        this.pids = pids;
        cpuSecondsSinceLastReading(); // the time before the first window is not the window's
    }

    /** The compiler threads of this JVM (the load generator, the in-process baselines) and of {@code others}. */
    static CompilerThreads ofThisJvmAnd(long... others) {
        List<Long> pids = Stream.concat(
                        Stream.of(ProcessHandle.current().pid()),
                        Arrays.stream(others).boxed())
                .toList();
        return new CompilerThreads(pids);
    }

    /** Compiler CPU seconds used since the previous reading, summed over the processes. */
    double cpuSecondsSinceLastReading() {
        long ticks = 0;
        for (long pid : pids) {
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    ticks += ticksSinceLast(pid + "/" + thread.getFileName(), thread);
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended, or this is not Linux
            }
        }
        return ticks / ProcessStats.TICKS_PER_SECOND;
    }

    private long ticksSinceLast(String key, Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.matches(COMPILER_THREAD)) {
                return 0;
            }
            long total = ProcessStats.cpuTicks(stat);
            Long before = lastTicks.put(key, total);
            return Math.max(0, total - (before == null ? 0 : before));
        } catch (IOException | RuntimeException gone) {
            return 0; // the thread ended between the listing and the read
        }
    }
}
