package io.devstack.fault;

import java.io.IOException;
import java.time.Duration;

/** Asks again and again until the answer is yes or the time is up: how the suite waits for an API to recover. */
final class Poll {

    /** One question; an {@link IOException} (no answer yet) counts as no. */
    @FunctionalInterface
    interface Probe {
        boolean answered() throws IOException, InterruptedException;
    }

    private Poll() {}

    /** True as soon as {@code probe} says yes within {@code within}, asking every {@code every}. */
    static boolean until(Duration within, Duration every, Probe probe) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (probe.answered()) {
                    return true;
                }
                Thread.sleep(every);
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
