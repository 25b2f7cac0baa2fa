package io.devstack.bench;

import java.util.List;

/**
 * Everything one run measured, as written to {@code results.json}; the report reads only this.
 * {@code elapsedSeconds} is the run itself; {@code aotTrainingSeconds} the training, before it, of API AOT caches
 * that a rebuild made stale.
 */
public record Results(
        Machine machine,
        BenchPlan plan,
        String pinning,
        String startedAt,
        double elapsedSeconds,
        double aotTrainingSeconds,
        List<Baseline> baselines,
        Server floor,
        List<Server> apis,
        List<Goal> goals) {

    /** In-process work of {@code common}'s clients matching one endpoint, closed model at the same concurrency. */
    public record Baseline(
            String endpoint, String description, WarmUp.Outcome warmup, List<RunResult> rounds, Spread throughput) {}

    /** One server (an API, or the JDK floor) from start to stop. */
    public record Server(
            String name,
            long startMillis,
            double rssIdleMb,
            double rssPeakMb,
            double rssAfterMb,
            double cpuSeconds,
            List<EndpointRun> endpoints) {

        public EndpointRun endpoint(String id) {
            return endpoints.stream()
                    .filter(e -> e.endpoint().equals(id))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One endpoint on one server: closed rounds, then the open-model levels derived from their median. */
    public record EndpointRun(
            String endpoint,
            String label,
            WarmUp.Outcome warmup,
            List<RunResult> closedRounds,
            Spread throughput,
            List<OpenLevel> open,
            double cpuSeconds,
            double closedCpuSeconds,
            long failures) {

        /** The server's CPU time per answered request in the closed rounds, in microseconds (0 if none). */
        public double cpuMicrosPerRequest() {
            long answered =
                    closedRounds.stream().mapToLong(RunResult::completed).sum();
            return answered == 0 ? 0 : closedCpuSeconds * 1e6 / answered;
        }

        /** How busy the server's CPU was in the closed rounds: CPU seconds over wall seconds (1.0 = one CPU). */
        public double closedCpuBusy() {
            double seconds =
                    closedRounds.stream().mapToDouble(RunResult::seconds).sum();
            // /proc counts CPU in 10 ms ticks, so a saturated CPU over short rounds can read a little over 100%
            return seconds == 0 ? 0 : Math.min(1, closedCpuSeconds / seconds);
        }

        public OpenLevel level(double fraction) {
            return open.stream()
                    .filter(l -> Math.abs(l.fraction() - fraction) < 1e-9)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Latency at {@code fraction} of the server's own highest rate, corrected for coordinated omission (ms). */
    public record OpenLevel(
            double fraction,
            double rate,
            List<RunResult> rounds,
            Spread p50,
            Spread p90,
            Spread p99,
            Spread p999,
            Spread max) {}

    /** One of the goals, met or not, with the figures that decide it. */
    public record Goal(String goal, boolean met, String detail) {}
}
