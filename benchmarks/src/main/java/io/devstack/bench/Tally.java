package io.devstack.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Counts and latencies of one run as they arrive; used from one thread at a time (or synchronized by the caller). */
final class Tally {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
    private final Map<Integer, Long> otherStatuses = new TreeMap<>();
    private long completed;
    private long ok;
    private long errors;
    private String firstError;

    /** A request that got an answer with {@code status} after {@code nanos}. */
    void answered(int status, long nanos) {
        completed++;
        if (status == 200) {
            ok++;
        } else {
            otherStatuses.merge(status, 1L, Long::sum);
        }
        latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    /** A request that got no answer (connection refused or reset, timeout). */
    void failed(Throwable cause, long nanos) {
        completed++;
        errors++;
        if (firstError == null) {
            firstError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    /** An answer that arrived after a closed run's window: not counted, but a failure is still a failure. */
    void late(int status) {
        if (status != 200) {
            otherStatuses.merge(status, 1L, Long::sum);
        }
    }

    /** A transport error after a closed run's window. */
    void lateFailure(Throwable cause) {
        errors++;
        if (firstError == null) {
            firstError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    /** Requests sent that never completed (still outstanding when the run gave up on them). */
    void abandoned(long count) {
        if (count > 0) {
            errors += count;
            completed += count;
            if (firstError == null) {
                firstError = count + " requests unanswered at the end of the run";
            }
        }
    }

    /** Adds {@code other}'s counts and latencies to this one. */
    void add(Tally other) {
        completed += other.completed;
        ok += other.ok;
        errors += other.errors;
        other.otherStatuses.forEach((status, count) -> otherStatuses.merge(status, count, Long::sum));
        if (firstError == null) {
            firstError = other.firstError;
        }
        latency.add(other.latency);
    }

    long completed() {
        return completed;
    }

    RunResult result(String model, double targetRate, double seconds) {
        return new RunResult(
                model,
                targetRate,
                seconds,
                completed,
                ok,
                Map.copyOf(otherStatuses),
                errors,
                firstError,
                completed / seconds,
                new RunResult.Latency(
                        millis(50), millis(90), millis(99), millis(99.9), latency.getMaxValue() / 1_000.0));
    }

    private double millis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1_000.0;
    }
}
