package io.devstack.bench;

import java.util.Map;

/**
 * One measured run: how many requests completed inside the window, how many answered 200, which other statuses
 * came back, transport errors (refused, reset, timed out, no answer by the end), and the latency distribution.
 * In an open-model run the latency counts from each request's intended start, so queueing behind a slow answer
 * is included (coordinated omission corrected); in a closed run it counts from the actual send.
 *
 * @param targetRate requests per second the open model scheduled; 0 for a closed run
 * @param throughput completed requests per second of the window
 */
public record RunResult(
        String model,
        double targetRate,
        double seconds,
        long completed,
        long ok,
        Map<Integer, Long> otherStatuses,
        long errors,
        String firstError,
        double throughput,
        Latency latency) {

    public static final String CLOSED = "closed";
    public static final String OPEN = "open";

    /** Answers that were not a 200, plus transport errors. */
    public long failures() {
        return errors
                + otherStatuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Milliseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max) {}
}
