package io.devstack.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Size-based rotation of the logs our processes write, without restarting them: copy, then truncate. A log over
 * {@link #MAX_BYTES} becomes {@code x.log.1} (the older ones move to {@code .2}, {@code .3}; the oldest is dropped) and
 * {@code x.log} is cut to zero in place. Every writer opened its log with O_APPEND ({@link ProcessSupervisor} and the
 * test and benchmark launchers redirect with {@code appendTo}), so its next line lands at the start of the emptied
 * file. The lines written between the copy and the truncation are lost: a few lines, once per rotation.
 */
public final class LogRotation {

    /** Rotated once larger than this: a bench run writes 100–200 MB per API log. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Generations kept beside the live log ({@code .1} newest … {@code .3} oldest). */
    public static final int GENERATIONS = 3;
    /** How often a watcher looks at the sizes: at 1 MB/s a log overshoots the limit by at most 5 MB. */
    public static final long CHECK_EVERY_SECONDS = 5;

    private LogRotation() {}

    /** Rotates every {@code *.log} directly in {@code dir} that is over the limit; returns the ones rotated. */
    public static List<Path> rotateAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .filter(Files::isRegularFile)
                    .filter(LogRotation::rotateIfOver)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rotates {@code log} when it is over {@link #MAX_BYTES}; true when it did. */
    public static boolean rotateIfOver(Path log) {
        try {
            if (!Files.isRegularFile(log) || Files.size(log) <= MAX_BYTES) {
                return false;
            }
            for (int generation = GENERATIONS - 1; generation >= 1; generation--) {
                Path older = generation(log, generation);
                if (Files.exists(older)) {
                    Files.move(older, generation(log, generation + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(log, generation(log, 1), StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + log + ": " + e.getMessage(), e);
        }
    }

    /** {@code x.log.<n>} beside {@code x.log}. */
    public static Path generation(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }

    /**
     * Where a launched process writes {@code log}: a fresh file, opened with O_APPEND so that {@link #rotateIfOver}
     * can truncate it under the running process ({@code Redirect.to} would keep writing at its old offset, leaving
     * a hole of zeros the size of what was rotated).
     */
    public static ProcessBuilder.Redirect freshLog(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProcessBuilder.Redirect.appendTo(log.toFile());
    }

    /**
     * Rotates the logs in {@code dir} every {@link #CHECK_EVERY_SECONDS} on a daemon thread until closed: for a
     * process that launches servers itself and runs as long as they do (the benchmark harness, the test fixtures).
     */
    public static Watch watch(Path dir) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "log-rotation");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        rotateAll(dir);
                    } catch (RuntimeException e) {
                        System.err.println("log rotation: " + e.getMessage());
                    }
                },
                CHECK_EVERY_SECONDS,
                CHECK_EVERY_SECONDS,
                TimeUnit.SECONDS);
        return new Watch(watcher);
    }

    /** A running {@link #watch}; closing it stops the rotation. */
    public record Watch(ScheduledExecutorService watcher) implements AutoCloseable {
        @Override
        public void close() {
            watcher.shutdownNow();
        }
    }
}
