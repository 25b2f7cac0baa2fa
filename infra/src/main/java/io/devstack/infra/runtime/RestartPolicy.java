package io.devstack.infra.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the supervisor starts a crashed service again: after {@link #FIRST_DELAY}, doubling with each crash still in
 * the {@link #WINDOW} (1 s, 2 s, 4 s), never more than {@link #MAX_DELAY}; at the {@link #GIVE_UP_AFTER}th crash
 * within the window it gives up and leaves the service stopped, so a service that cannot start does not spin.
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, int giveUpAfter, Duration window) {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    static final int GIVE_UP_AFTER = 4;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final RestartPolicy DEFAULT = new RestartPolicy(FIRST_DELAY, MAX_DELAY, GIVE_UP_AFTER, WINDOW);

    /**
     * The wait before the next start, given every crash seen so far (the last one included); empty: give up.
     */
    Optional<Duration> nextDelay(List<Instant> crashes, Instant now) {
        long recent = crashes.stream().filter(c -> c.isAfter(now.minus(window))).count();
        if (recent >= giveUpAfter) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(Math.max(recent - 1, 0), 20);
        Duration delay = firstDelay.multipliedBy(factor);
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    /** One sentence for the docs and {@code status}: how often, within what time, before giving up. */
    String describe() {
        return giveUpAfter + " crashes within " + window.toMinutes() + " min";
    }
}
