package io.devstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Closed-model load in short windows until the JVMs are warm. A fixed warm-up was not enough: an API pinned to one
 * CPU compiles its hot paths on that same CPU, and with two seconds of warm-up a fresh JVM's cache GET was measured at
 * a third of its settled rate (3,300 against 9,200–10,300 req/s for api-helidon, same code, same machine).
 *
 * <p>The warm-up ends on whichever sign comes first, once the plan's minimum has passed:
 * <ul>
 *   <li><b>the JIT is quiet</b>: in each of the last {@value #QUIET_WINDOWS} windows the compiler threads of the
 *       server and of the load generator used less than {@value #QUIET_JIT_PERCENT}% of one CPU
 *       ({@link CompilerThreads}), so the hot paths are compiled;
 *   <li><b>the rate is steady</b>: the last {@value #STEADY_WINDOWS} windows agree within
 *       {@value #STEADY_SPREAD_PERCENT}% (highest over lowest) while the JIT winds down (under
 *       {@value #WINDING_DOWN_JIT_PERCENT}% of a CPU in each), for a JVM whose compiler never quite rests. A steady
 *       rate with the JIT still busy is not warm: api-spring's {@code /health/} held 4,200 req/s for three windows
 *       with its compiler at 40–47% of a CPU, after windows at 6,400; in another run 5,700–5,900 req/s with it at
 *       17–24%, then measured at 4,344 (10,747 in a run that warmed it for 20 s).
 * </ul>
 * Waiting for the rate alone cost a full run 8 of its 18 minutes on a shared machine, where the rate moves with
 * everything else that runs long after the JIT is done. A warm-up still moving at the plan's maximum is measured
 * anyway and reported as not settled.
 */
public final class WarmUp {

    public static final int STEADY_WINDOWS = 3;
    public static final int STEADY_SPREAD_PERCENT = 10;
    public static final int QUIET_WINDOWS = 2;
    public static final int QUIET_JIT_PERCENT = 5;
    public static final int WINDING_DOWN_JIT_PERCENT = 10;
    /** Windows per minimum warm-up: short enough to stop soon after the rate settles, long enough to count. */
    private static final int WINDOWS_PER_MINIMUM = 2;
    /** Longer windows would only slow the stop once the rate has settled. */
    private static final double MAX_WINDOW_SECONDS = 1.0;

    /** One window of warm-up load: the rate it saw (req/s) and the JIT compiler CPU seconds used meanwhile. */
    public record Window(double rate, double jitSeconds) {}

    /** What ended a warm-up. */
    public enum End {
        JIT_QUIET("JIT quiet"),
        RATE_STEADY("rate steady"),
        LIMIT("not settled");

        private final String label;

        End(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How long the warm-up ran, what ended it, and every window (req/s, JIT CPU seconds). */
    public record Outcome(double seconds, End end, List<Window> windows) {

        /** Ended by a sign of warmth, not by the limit. */
        public boolean settled() {
            return end != End.LIMIT;
        }
    }

    private WarmUp() {}

    /** Window length for a plan: the minimum split in two, at most a second. */
    public static double windowSeconds(BenchPlan plan) {
        return Math.min(MAX_WINDOW_SECONDS, plan.warmupSeconds() / WINDOWS_PER_MINIMUM);
    }

    /**
     * Runs {@code window} (one window of load) until a sign of warmth or the time is up.
     *
     * @param window runs one window of load of {@code windowSeconds} and returns what it saw
     */
    public static Outcome untilWarm(
            Supplier<Window> window, double windowSeconds, double minSeconds, double maxSeconds) {
        List<Window> windows = new ArrayList<>();
        double elapsed = 0;
        while (true) {
            windows.add(window.get());
            elapsed += windowSeconds;
            if (elapsed >= minSeconds - 1e-9) {
                if (jitQuiet(windows, windowSeconds)) {
                    return new Outcome(elapsed, End.JIT_QUIET, List.copyOf(windows));
                }
                if (steady(windows.stream().map(Window::rate).toList())
                        && jitBelow(windows, STEADY_WINDOWS, windowSeconds, WINDING_DOWN_JIT_PERCENT)) {
                    return new Outcome(elapsed, End.RATE_STEADY, List.copyOf(windows));
                }
            }
            if (elapsed >= maxSeconds - 1e-9) {
                return new Outcome(elapsed, End.LIMIT, List.copyOf(windows));
            }
        }
    }

    /** In each of the last {@value #QUIET_WINDOWS} windows, requests were answered and the JIT nearly rested. */
    static boolean jitQuiet(List<Window> windows, double windowSeconds) {
        return jitBelow(windows, QUIET_WINDOWS, windowSeconds, QUIET_JIT_PERCENT);
    }

    /** In each of the last {@code count} windows, requests were answered and the JIT used under {@code percent}. */
    private static boolean jitBelow(List<Window> windows, int count, double windowSeconds, int percent) {
        if (windows.size() < count) {
            return false;
        }
        return windows.subList(windows.size() - count, windows.size()).stream()
                .allMatch(w -> w.rate() > 0 && w.jitSeconds() < windowSeconds * percent / 100.0);
    }

    /** The last {@value #STEADY_WINDOWS} rates are all above zero and within the spread of each other. */
    static boolean steady(List<Double> rates) {
        if (rates.size() < STEADY_WINDOWS) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - STEADY_WINDOWS, rates.size());
        double lowest = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double highest = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return lowest > 0 && highest <= lowest * (1 + STEADY_SPREAD_PERCENT / 100.0);
    }
}
