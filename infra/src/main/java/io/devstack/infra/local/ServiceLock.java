package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One service's start/stop lock, shared by every devstack process on the same home ({@code run/<service>.lock}, an
 * OS file lock, released by the kernel when its holder dies). Whoever starts or stops a service holds it for the
 * whole operation, readiness included: the supervisor never sees a deliberate stop half done (process gone, pid file
 * still there) as a crash, and never restarts a service that {@code up}, {@code restart} or a backup is starting.
 * Reentrant within a JVM (a restart that starts Vault first holds both).
 */
public final class ServiceLock {

    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

    private ServiceLock() {}

    /** Runs {@code work} holding the lock, waiting for another process's operation to end first. */
    public static <T> T holding(DevstackHome home, String service, Supplier<T> work) {
        Held held = HELD.computeIfAbsent(file(home, service), Held::new);
        held.inJvm.lock();
        try {
            held.acquire(true);
            return work.get();
        } finally {
            held.release();
            held.inJvm.unlock();
        }
    }

    public static void holding(DevstackHome home, String service, Runnable work) {
        holding(home, service, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} holding the lock if nobody holds it now; false (and {@code work} not run) otherwise. */
    public static boolean ifFree(DevstackHome home, String service, Runnable work) {
        Held held = HELD.computeIfAbsent(file(home, service), Held::new);
        if (!held.inJvm.tryLock()) {
            return false;
        }
        try {
            if (!held.acquire(false)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                held.release();
            }
        } finally {
            held.inJvm.unlock();
        }
    }

    private static Path file(DevstackHome home, String service) {
        return home.runDir().resolve(service + ".lock");
    }

    /** The in-JVM lock and, while its outermost holder runs, the OS lock on the file. */
    private static final class Held {
        private final Path file;
        private final ReentrantLock inJvm = new ReentrantLock();
        private FileChannel channel;

        Held(Path file) {
            this.file = file;
        }

        /** Takes the OS lock on the outermost entry; false when {@code wait} is off and another process holds it. */
        boolean acquire(boolean wait) {
            if (inJvm.getHoldCount() > 1) {
                return true;
            }
            try {
                DevstackHome.privateDirectory(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = wait ? channel.lock() : channel.tryLock();
                if (lock == null) {
                    channel.close();
                    channel = null;
                    return false;
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
            }
        }

        void release() {
            if (inJvm.getHoldCount() > 1 || channel == null) {
                return;
            }
            try {
                channel.close(); // releases the OS lock
            } catch (IOException ignored) {
                // closing a lock file cannot lose anything
            } finally {
                channel = null;
            }
        }
    }
}
