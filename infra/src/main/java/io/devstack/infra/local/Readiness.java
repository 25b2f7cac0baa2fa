package io.devstack.infra.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Waits until a real authenticated call succeeds, giving up early when the process has died and after a
 * timeout otherwise; either way the failure carries the service's last log lines.
 */
public final class Readiness {

    public static final int LOG_LINES = 20;
    private static final Duration POLL = Duration.ofMillis(100);

    private Readiness() {}

    public static <T> T await(ProcessSupervisor supervisor, String service, Duration timeout, Callable<T> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return check.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(service, "interrupted while waiting", List.of());
            } catch (Exception e) {
                last = e;
            }
            if (!supervisor.alive(service)) {
                throw new ServiceStartException(
                        service, "the process exited during startup", supervisor.lastLogLines(service, LOG_LINES));
            }
            sleep();
        }
        throw new ServiceStartException(
                service,
                "not ready after " + timeout.toSeconds() + " s (last check: " + describe(last) + ")",
                supervisor.lastLogLines(service, LOG_LINES));
    }

    /** First line of a failure, for messages; never includes a password since drivers do not echo them. */
    public static String describe(Throwable e) {
        if (e == null) {
            return "none";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
