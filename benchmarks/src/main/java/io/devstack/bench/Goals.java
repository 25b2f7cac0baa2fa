package io.devstack.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The three goals, decided from the figures of a run (benchmark goals, not test assertions): each API's
 * cache GET at least 50% of the raw lettuce GET+TTL; no API below 70% of the fastest API on any endpoint; at 50%
 * of its own highest rate, each API's p99 at most 10 ms on {@code /health/} and cache GET.
 */
final class Goals {

    static final double CACHE_SHARE_OF_RAW = 0.5;
    static final double SHARE_OF_FASTEST = 0.7;
    static final double P99_LIMIT_MS = 10;
    /** A server whose CPU was this busy in the closed rounds was limited by its own work. */
    static final double CPU_BOUND = 0.8;

    private Goals() {}

    static List<Results.Goal> evaluate(Results results) {
        List<Results.Goal> goals = new ArrayList<>();
        if (results.apis().isEmpty()) {
            return goals;
        }
        cacheVersusRaw(results).ifPresent(goals::add);
        goals.add(closeToFastest(results));
        goals.add(tailAtHalfRate(results));
        String busy = busyMachine(results.machine());
        return busy == null
                ? goals
                : goals.stream()
                        .map(g -> g.met() ? g : new Results.Goal(g.goal(), false, g.detail() + " — " + busy))
                        .toList();
    }

    /** Why a goal may be missed for reasons outside the APIs: more runnable work than CPUs when the run began. */
    private static String busyMachine(Machine machine) {
        try {
            double load = Double.parseDouble(machine.loadAverageAtStart().split(" ")[0]);
            return load > machine.cpus()
                    ? "the machine was busy (load average " + load + " on " + machine.cpus()
                            + " CPUs at the start): other processes took CPU time from the APIs, the generator "
                            + "and the backends"
                    : null;
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static Optional<Results.Goal> cacheVersusRaw(Results results) {
        Results.Baseline raw = results.baselines().stream()
                .filter(b -> b.endpoint().equals(Endpoint.CACHE_GET.id()))
                .findFirst()
                .orElse(null);
        if (raw == null || results.apis().stream().anyMatch(a -> a.endpoint(Endpoint.CACHE_GET.id()) == null)) {
            return Optional.empty();
        }
        List<String> belowHalf = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Results.Server api : results.apis()) {
            double share = api.endpoint(Endpoint.CACHE_GET.id()).throughput().median()
                    / raw.throughput().median();
            all.add(api.name() + " " + Format.percent(share));
            if (share < CACHE_SHARE_OF_RAW) {
                belowHalf.add(api.name());
            }
        }
        String detail = "raw lettuce GET+TTL " + Format.number(raw.throughput().median()) + " req/s; "
                + String.join(", ", all)
                + (belowHalf.isEmpty()
                        ? ""
                        : "; below 50%: " + String.join(", ", belowHalf) + "; why: " + cacheWhy(results, raw));
        return Optional.of(new Results.Goal(
                "each API's cache GET >= 50% of raw lettuce GET+TTL (same concurrency)", belowHalf.isEmpty(), detail));
    }

    /**
     * What bounds an API's cache GET, from its own CPU time in the closed rounds: an API runs pinned to one CPU and
     * does there the HTTP, request-front and JSON work the in-process baseline does not do at all.
     */
    private static String cacheWhy(Results results, Results.Baseline raw) {
        List<Results.EndpointRun> cache = runs(results, Endpoint.CACHE_GET);
        List<Results.EndpointRun> health = runs(results, Endpoint.HEALTH);
        double budget = 1e6 / (raw.throughput().median() * CACHE_SHARE_OF_RAW);
        return "each API runs on one CPU, " + range(cache, Results.EndpointRun::closedCpuBusy, Format::percent)
                + " busy in the closed"
                + " cache GET rounds, at " + range(cache, Results.EndpointRun::cpuMicrosPerRequest, Goals::micros)
                + " of its CPU per request"
                + (health.isEmpty()
                        ? ""
                        : " (" + range(health, Results.EndpointRun::cpuMicrosPerRequest, Goals::micros)
                                + " per /health/)")
                + "; 50% of the raw rate leaves " + micros(budget) + " per request, and the raw client"
                + " does no HTTP, request-front or JSON work";
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%.0f µs", value);
    }

    private static List<Results.EndpointRun> runs(Results results, Endpoint endpoint) {
        return results.apis().stream()
                .map(a -> a.endpoint(endpoint.id()))
                .filter(r -> r != null && r.closedCpuSeconds() > 0)
                .toList();
    }

    private static String range(
            List<Results.EndpointRun> runs,
            ToDoubleFunction<Results.EndpointRun> value,
            DoubleFunction<String> format) {
        double low = runs.stream().mapToDouble(value).min().orElse(0);
        double high = runs.stream().mapToDouble(value).max().orElse(0);
        String from = format.apply(low);
        String to = format.apply(high);
        return from.equals(to) ? from : from + "–" + to;
    }

    /** The widest gap to the fastest, and whether the slower API's own CPU work explains it. */
    private static String fastestWhy(
            Results.EndpointRun slow, String slowName, Results.EndpointRun fast, String fastName) {
        if (slow.closedCpuSeconds() <= 0 || fast.closedCpuSeconds() <= 0) {
            return "";
        }
        boolean cpuBound = slow.closedCpuBusy() >= CPU_BOUND;
        return "; why, at the widest gap (" + slow.endpoint() + "): " + slowName + " spent "
                + micros(slow.cpuMicrosPerRequest()) + " of CPU per request against " + fastName + "'s "
                + micros(fast.cpuMicrosPerRequest()) + ", its one CPU "
                + Format.percent(slow.closedCpuBusy()) + " busy"
                + (cpuBound
                        ? ": the framework's own work per request"
                        : ": not CPU-bound, so the limit was outside it (backend or client)");
    }

    private static Results.Goal closeToFastest(Results results) {
        List<String> below = new ArrayList<>();
        double widestGap = 1;
        String why = "";
        for (String endpoint : results.plan().endpoints()) {
            List<Results.Server> measured = results.apis().stream()
                    .filter(a -> a.endpoint(endpoint) != null)
                    .toList();
            Results.Server fastest = measured.stream()
                    .max(Comparator.comparingDouble(
                            a -> a.endpoint(endpoint).throughput().median()))
                    .orElse(null);
            if (fastest == null) {
                continue;
            }
            double top = fastest.endpoint(endpoint).throughput().median();
            for (Results.Server api : measured) {
                double share = api.endpoint(endpoint).throughput().median() / top;
                if (share >= SHARE_OF_FASTEST) {
                    continue;
                }
                below.add(endpoint + ": " + api.name() + " " + Format.percent(share) + " of " + fastest.name());
                if (share < widestGap) {
                    widestGap = share;
                    why = fastestWhy(api.endpoint(endpoint), api.name(), fastest.endpoint(endpoint), fastest.name());
                }
            }
        }
        return new Results.Goal(
                "no API below 70% of the fastest API on any endpoint",
                below.isEmpty(),
                below.isEmpty()
                        ? "every API within 70% of the fastest on every endpoint"
                        : String.join("; ", below) + why);
    }

    private static Results.Goal tailAtHalfRate(Results results) {
        List<String> over = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Results.Server api : results.apis()) {
            for (Endpoint endpoint : List.of(Endpoint.HEALTH, Endpoint.CACHE_GET)) {
                Results.EndpointRun run = api.endpoint(endpoint.id());
                Results.OpenLevel half = run == null ? null : run.level(0.5);
                if (half == null) {
                    continue;
                }
                checked.add(api.name() + " " + endpoint.id());
                if (half.p99().median() > P99_LIMIT_MS) {
                    over.add(api.name() + " " + endpoint.id() + " p99 "
                            + Format.decimal(half.p99().median()) + " ms");
                }
            }
        }
        if (checked.isEmpty()) {
            return new Results.Goal(
                    "p99 <= 10 ms at 50% of the API's highest rate on /health/ and cache GET",
                    false, "not measured (needs the health and cache-get endpoints at the 50% level)");
        }
        return new Results.Goal(
                "p99 <= 10 ms at 50% of the API's highest rate on /health/ and cache GET",
                over.isEmpty(),
                over.isEmpty() ? "all " + checked.size() + " checks within 10 ms" : String.join("; ", over));
    }
}
