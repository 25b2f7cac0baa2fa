package io.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The goals' verdicts and the reasons they give, decided from fixed figures (pure logic: nothing is measured). */
class GoalsTest {

    private static final WarmUp.Outcome WARM = new WarmUp.Outcome(2, WarmUp.End.JIT_QUIET, List.of());

    /** Three closed rounds of one second at {@code rate}, with {@code cpuSeconds} of server CPU in all of them. */
    private static Results.EndpointRun run(Endpoint endpoint, double rate, double cpuSeconds, double p99AtHalf) {
        List<RunResult> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            closed.add(round(RunResult.CLOSED, rate));
        }
        Spread p99 = Spread.of(List.of(p99AtHalf));
        Spread low = Spread.of(List.of(1.0));
        Results.OpenLevel half =
                new Results.OpenLevel(0.5, rate / 2, List.of(round(RunResult.OPEN, rate / 2)), low, low, p99, p99, p99);
        return new Results.EndpointRun(
                endpoint.id(),
                endpoint.label(),
                WARM,
                closed,
                Spread.of(List.of(rate, rate, rate)),
                List.of(half),
                cpuSeconds,
                cpuSeconds,
                0);
    }

    private static RunResult round(String model, double rate) {
        long count = (long) rate;
        return new RunResult(
                model, rate, 1, count, count, Map.of(), 0, null, rate, new RunResult.Latency(1, 1, 1, 1, 1));
    }

    private static Results results(List<Results.Server> apis, double rawCacheGet) {
        Machine quiet = new Machine("host", 2, "cpu", 24, "Linux", "JDK 25", "0.50 0.40 0.30");
        BenchPlan plan =
                BenchPlan.full(apis.stream().map(Results.Server::name).toList(), List.of("health", "cache-get"));
        Results.Baseline raw =
                new Results.Baseline("cache-get", "lettuce", WARM, List.of(), Spread.of(List.of(rawCacheGet)));
        return new Results(quiet, plan, "pinned", "now", 1, 0, List.of(raw), null, apis, List.of());
    }

    private static Results.Server api(String name, Results.EndpointRun... runs) {
        return new Results.Server(name, 1_000, 100, 150, 120, 10, List.of(runs));
    }

    private static Results.Goal goal(List<Results.Goal> goals, String startOfName) {
        return goals.stream()
                .filter(g -> g.goal().startsWith(startOfName))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCacheGetBelowHalfTheRawClientSaysHowMuchCpuEachRequestTook() {
        // 10,000 req/s for 3 s on 2.7 CPU-seconds: 90 µs per request, the CPU 90% busy
        Results.Server fast =
                api("api-fast", run(Endpoint.HEALTH, 30_000, 2.7, 2), run(Endpoint.CACHE_GET, 10_000, 2.7, 3));
        List<Results.Goal> goals = Goals.evaluate(results(List.of(fast), 40_000));

        Results.Goal cache = goal(goals, "each API's cache GET");
        assertThat(cache.met()).isFalse();
        assertThat(cache.detail())
                .contains("api-fast 25%")
                .contains("90% busy")
                .contains("90 µs of its CPU per request")
                .contains("(30 µs per /health/)")
                .contains("50% of the raw rate leaves 50 µs per request");
    }

    @Test
    void theWidestGapToTheFastestIsExplainedByTheSlowerApisCpuWhenItWasBusy() {
        Results.Server fast =
                api("api-fast", run(Endpoint.HEALTH, 30_000, 2.7, 2), run(Endpoint.CACHE_GET, 15_000, 2.7, 3));
        Results.Server slow =
                api("api-slow", run(Endpoint.HEALTH, 6_000, 2.7, 2), run(Endpoint.CACHE_GET, 12_000, 2.7, 3));
        List<Results.Goal> goals = Goals.evaluate(results(List.of(fast, slow), 20_000));

        Results.Goal close = goal(goals, "no API below 70%");
        assertThat(close.met()).isFalse();
        assertThat(close.detail())
                .contains("health: api-slow 20% of api-fast")
                .contains("why, at the widest gap (health): api-slow spent 150 µs of CPU per request against"
                        + " api-fast's 30 µs, its one CPU 90% busy: the framework's own work per request");
    }

    @Test
    void aSlowerApiWhoseCpuWasNotBusyIsNotBlamedForIt() {
        Results.Server fast = api("api-fast", run(Endpoint.HEALTH, 30_000, 2.7, 2));
        Results.Server idle = api("api-idle", run(Endpoint.HEALTH, 6_000, 0.9, 2));
        List<Results.Goal> goals = Goals.evaluate(results(List.of(fast, idle), 20_000));

        assertThat(goal(goals, "no API below 70%").detail())
                .contains("its one CPU 30% busy: not CPU-bound, so the limit was outside it");
    }

    @Test
    void goalsThatAreMetGiveNoReason() {
        Results.Server a = api("api-a", run(Endpoint.HEALTH, 30_000, 2.7, 2), run(Endpoint.CACHE_GET, 12_000, 2.7, 3));
        Results.Server b = api("api-b", run(Endpoint.HEALTH, 29_000, 2.7, 2), run(Endpoint.CACHE_GET, 11_000, 2.7, 3));
        List<Results.Goal> goals = Goals.evaluate(results(List.of(a, b), 20_000));

        assertThat(goals).allMatch(Results.Goal::met);
        assertThat(goals).noneMatch(g -> g.detail().contains("why"));
    }
}
