package io.devstack.bench;

import java.util.List;

/**
 * Every parameter of a run (all of them are printed in the report). Durations in seconds.
 *
 * @param apis the API modules to measure, one at a time, in this order
 * @param endpoints endpoint ids ({@link Endpoint#id()})
 * @param concurrency connections of the load generator, and threads of the in-process baselines
 * @param warmupSeconds the least closed-model load before the measured rounds of each endpoint (JIT, pools,
 *     connections); the warm-up goes on until the rate is steady ({@link WarmUp})
 * @param warmupMaxSeconds the most warm-up per endpoint: a rate that never settles is measured anyway, and marked
 * @param closedRounds rounds of closed-model load; the median is the endpoint's highest sustained rate
 * @param openFractions the open-model rates, as fractions of that median
 * @param openRounds rounds per open-model rate
 */
public record BenchPlan(
        String preset,
        List<String> apis,
        List<String> endpoints,
        int concurrency,
        double warmupSeconds,
        double warmupMaxSeconds,
        int closedRounds,
        double closedSeconds,
        List<Double> openFractions,
        int openRounds,
        double openSeconds,
        boolean baselines) {

    public static final List<Double> ALL_FRACTIONS = List.of(0.25, 0.5, 0.75);
    public static final int DEFAULT_CONCURRENCY = 32;

    /**
     * The full run: about 14 minutes for five APIs and nine endpoints on two cores (warm-ups decide the most), plus
     * the training of any AOT cache a rebuild made stale (about 20 s per API).
     */
    public static BenchPlan full(List<String> apis, List<String> endpoints) {
        return new BenchPlan("full", apis, endpoints, DEFAULT_CONCURRENCY, 2, 12, 3, 1.0, ALL_FRACTIONS, 2, 0.7, true);
    }

    /** A first look: every figure once, short windows (about 4 minutes). */
    public static BenchPlan quick(List<String> apis, List<String> endpoints) {
        return new BenchPlan("quick", apis, endpoints, DEFAULT_CONCURRENCY, 1, 6, 2, 0.5, ALL_FRACTIONS, 1, 0.5, true);
    }

    /** The build's smoke: proves every API answers every endpoint under load; its figures mean little. */
    public static BenchPlan smoke(List<String> apis, List<String> endpoints) {
        return new BenchPlan("smoke", apis, endpoints, 8, 0.3, 0.3, 1, 0.3, List.of(0.5), 1, 0.3, true);
    }

    public BenchPlan withConcurrency(int value) {
        return new BenchPlan(
                preset,
                apis,
                endpoints,
                value,
                warmupSeconds,
                warmupMaxSeconds,
                closedRounds,
                closedSeconds,
                openFractions,
                openRounds,
                openSeconds,
                baselines);
    }

    /**
     * The measured windows scaled so that one closed round lasts {@code seconds}; the warm-up's minimum scales too,
     * its limit only when the minimum outgrows it (a JIT settles in the same time whatever the round length).
     */
    public BenchPlan withRoundSeconds(double seconds) {
        double scale = seconds / closedSeconds;
        return new BenchPlan(
                preset,
                apis,
                endpoints,
                concurrency,
                warmupSeconds * scale,
                Math.max(warmupMaxSeconds, warmupSeconds * scale),
                closedRounds,
                seconds,
                openFractions,
                openRounds,
                openSeconds * scale,
                baselines);
    }

    public BenchPlan withoutBaselines() {
        return new BenchPlan(
                preset,
                apis,
                endpoints,
                concurrency,
                warmupSeconds,
                warmupMaxSeconds,
                closedRounds,
                closedSeconds,
                openFractions,
                openRounds,
                openSeconds,
                false);
    }

    /** Seconds of load per endpoint and server, for the time estimate (a warm-up typically settles in 3 minimums). */
    public double secondsPerEndpoint() {
        return Math.min(warmupSeconds * 3, warmupMaxSeconds)
                + warmupSeconds / 2
                + closedRounds * closedSeconds
                + openFractions.size() * openRounds * openSeconds;
    }
}
