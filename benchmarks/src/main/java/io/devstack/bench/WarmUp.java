package io.devstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Closed-model load in short windows until the rate settles. A fixed warm-up was not enough: an API pinned to one
 * CPU compiles its hot paths on that same CPU, and with two seconds of warm-up a fresh JVM's cache GET was measured at
 * a third of its settled rate (3,300 against 9,200–10,300 req/s for api-helidon, same code, same machine).
 *
 * <p>Steady means the last {@value #STEADY_WINDOWS} windows agree within {@value #STEADY_SPREAD_PERCENT}% (highest
 * over lowest). The warm-up lasts at least the plan's minimum and at most its maximum; a rate still moving at the
 * maximum is measured anyway and reported as not steady.
 */
public final class WarmUp {

    static final int STEADY_WINDOWS = 3;
    static final int STEADY_SPREAD_PERCENT = 10;
    /** Windows per minimum warm-up: short enough to stop soon after the rate settles, long enough to count. */
    private static final int WINDOWS_PER_MINIMUM = 2;
    /** Longer windows would only slow the stop once the rate has settled. */
    private static final double MAX_WINDOW_SECONDS = 1.0;

    /** How long the warm-up ran, whether the rate settled, and the rate of every window (req/s). */
    public record Outcome(double seconds, boolean steady, List<Double> windowRates) {}

    private WarmUp() {}

    /** Window length for a plan: the minimum split in two, at most a second. */
    public static double windowSeconds(BenchPlan plan) {
        return Math.min(MAX_WINDOW_SECONDS, plan.warmupSeconds() / WINDOWS_PER_MINIMUM);
    }

    /**
     * Runs {@code window} (one window of load, returning its rate) until the rate is steady or the time is up.
     *
     * @param window runs one window of load of {@code windowSeconds} and returns the requests per second it saw
     */
    public static Outcome untilSteady(
            DoubleSupplier window, double windowSeconds, double minSeconds, double maxSeconds) {
        List<Double> rates = new ArrayList<>();
        double elapsed = 0;
        while (true) {
            rates.add(window.getAsDouble());
            elapsed += windowSeconds;
            boolean steady = steady(rates);
            if ((steady && elapsed >= minSeconds - 1e-9) || elapsed >= maxSeconds - 1e-9) {
                return new Outcome(elapsed, steady, List.copyOf(rates));
            }
        }
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
