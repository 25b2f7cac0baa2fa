package io.devstack.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The three goals, decided from the figures of a run (benchmark goals, not test assertions): each API's
 * cache GET at least 50% of the raw lettuce GET+TTL; no API below 70% of the fastest API on any endpoint; at 50%
 * of its own highest rate, each API's p99 at most 10 ms on {@code /health/} and cache GET.
 */
final class Goals {

    static final double CACHE_SHARE_OF_RAW = 0.5;
    static final double SHARE_OF_FASTEST = 0.7;
    static final double P99_LIMIT_MS = 10;

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
                + String.join(", ", all) + (belowHalf.isEmpty() ? "" : "; below 50%: " + String.join(", ", belowHalf));
        return Optional.of(new Results.Goal(
                "each API's cache GET >= 50% of raw lettuce GET+TTL (same concurrency)", belowHalf.isEmpty(), detail));
    }

    private static Results.Goal closeToFastest(Results results) {
        List<String> below = new ArrayList<>();
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
                if (share < SHARE_OF_FASTEST) {
                    below.add(endpoint + ": " + api.name() + " " + Format.percent(share) + " of " + fastest.name());
                }
            }
        }
        return new Results.Goal(
                "no API below 70% of the fastest API on any endpoint",
                below.isEmpty(),
                below.isEmpty() ? "every API within 70% of the fastest on every endpoint" : String.join("; ", below));
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
