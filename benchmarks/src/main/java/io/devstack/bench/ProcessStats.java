package io.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Resident memory and CPU time of one process, read from Linux's {@code /proc/<pid>} (zero elsewhere). */
final class ProcessStats {

    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux this runs on; {@code /proc/<pid>/stat} counts in these. */
    static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    ProcessStats(long pid) {
        this.pid = pid;
    }

    /** VmRSS in MiB. */
    double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended, or this is not Linux
        }
        return 0;
    }

    /** User plus system CPU seconds used so far. */
    double cpuSeconds() {
        try {
            return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * User plus system CPU ticks in a {@code stat} line of a process or a thread (fields 14 and 15, counted after the
     * command name, which may itself hold spaces and parentheses).
     */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Samples RSS every 100 ms until closed; {@link #peakMb()} is the highest seen. */
    RssSampler sampleRss() {
        return new RssSampler(this);
    }

    static final class RssSampler implements AutoCloseable {
        private final AtomicLong peakKb = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rss-sampler");
            thread.setDaemon(true);
            return thread;
        });

        private RssSampler(ProcessStats stats) {
            timer.scheduleAtFixedRate(
                    () -> peakKb.accumulateAndGet((long) (stats.rssMb() * 1024), Math::max),
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
        }

        double peakMb() {
            return peakKb.get() / 1024.0;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
