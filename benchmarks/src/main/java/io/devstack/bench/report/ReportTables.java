package io.devstack.bench.report;

import static io.devstack.bench.Format.millis;
import static io.devstack.bench.Format.number;
import static io.devstack.bench.Format.percent;
import static io.devstack.bench.Format.rate;

import io.devstack.bench.Endpoint;
import io.devstack.bench.Format;
import io.devstack.bench.Results;
import io.devstack.bench.Spread;
import io.devstack.bench.WarmUp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The tables of the report, built once from {@link Results} and rendered into both report.md and index.html. */
final class ReportTables {

    private final Results results;
    private final List<Results.Server> apis;

    ReportTables(Results results) {
        this.results = results;
        this.apis = results.apis();
    }

    /** Endpoint × API, highest sustained req/s, the fastest in bold, plus the baseline: the README's table. */
    Tables summary() {
        List<List<String>> rows = new ArrayList<>();
        for (String endpoint : results.plan().endpoints()) {
            Optional<Results.Server> fastest = fastest(endpoint);
            List<String> row = new ArrayList<>();
            row.add("`" + Endpoint.byId(endpoint).label() + "`");
            for (Results.Server api : apis) {
                Results.EndpointRun run = api.endpoint(endpoint);
                String cell = run == null ? "–" : rate(run.throughput());
                row.add(fastest.isPresent() && fastest.get() == api ? "**" + cell + "**" : cell);
            }
            row.add(baseline(endpoint).map(b -> number(b.median())).orElse("–"));
            row.add(fastest.map(f -> f.name().replace("api-", "") + " " + lead(endpoint, f))
                    .orElse("–"));
            rows.add(row);
        }
        return new Tables(
                "Highest sustained throughput (req/s)",
                "Closed model, " + results.plan().concurrency() + " keep-alive connections; median of "
                        + results.plan().closedRounds() + " rounds (min–max); fastest API in bold. Baseline: "
                        + "common's raw client in-process for backend endpoints, the JDK HTTP server for /health/.",
                Tables.header("endpoint", apis, "baseline", "fastest (lead over the next)"),
                rows);
    }

    /** Each API's throughput as a share of the baseline doing the same backend work without HTTP. */
    Tables shareOfBaseline() {
        List<List<String>> rows = new ArrayList<>();
        for (String endpoint : results.plan().endpoints()) {
            Optional<Spread> baseline = baseline(endpoint);
            if (baseline.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add("`" + Endpoint.byId(endpoint).label() + "`");
            for (Results.Server api : apis) {
                Results.EndpointRun run = api.endpoint(endpoint);
                row.add(
                        run == null
                                ? "–"
                                : percent(run.throughput().median()
                                        / baseline.get().median()));
            }
            row.add(baselineDescription(endpoint));
            rows.add(row);
        }
        return new Tables(
                "Throughput as a share of the baseline",
                "API median / baseline median at the same concurrency.",
                Tables.header("endpoint", apis, "baseline"),
                rows);
    }

    /** p99 at 50% of each API's own highest rate: the tail a half-loaded service shows. */
    Tables p99AtHalf() {
        List<List<String>> rows = new ArrayList<>();
        for (String endpoint : results.plan().endpoints()) {
            List<String> row = new ArrayList<>();
            row.add("`" + Endpoint.byId(endpoint).label() + "`");
            for (Results.Server api : apis) {
                Results.EndpointRun run = api.endpoint(endpoint);
                Results.OpenLevel half = run == null ? null : run.level(0.5);
                row.add(half == null ? "–" : millis(half.p99()));
            }
            rows.add(row);
        }
        return new Tables(
                "p99 latency at 50% of each API's highest rate (ms)",
                "Open model (fixed rate), latency from each request's intended start (coordinated omission corrected, "
                        + "HdrHistogram); median of " + results.plan().openRounds() + " rounds (min–max).",
                Tables.header("endpoint", apis),
                rows);
    }

    /** One table per endpoint: every API at every open-model rate, all percentiles. */
    List<Tables> latencyDetail() {
        List<Tables> tables = new ArrayList<>();
        for (String endpoint : results.plan().endpoints()) {
            List<List<String>> rows = new ArrayList<>();
            List<Results.Server> servers = new ArrayList<>(apis);
            if (endpoint.equals(Endpoint.HEALTH.id()) && results.floor() != null) {
                servers.add(results.floor());
            }
            for (Results.Server server : servers) {
                Results.EndpointRun run = server.endpoint(endpoint);
                if (run == null) {
                    continue;
                }
                for (Results.OpenLevel level : run.open()) {
                    rows.add(List.of(
                            server.name(),
                            percent(level.fraction()) + " = " + number(level.rate()),
                            millis(level.p50()),
                            millis(level.p90()),
                            millis(level.p99()),
                            millis(level.p999()),
                            millis(level.max()),
                            Long.toString(level.rounds().stream()
                                    .mapToLong(r -> r.failures())
                                    .sum())));
                }
            }
            tables.add(new Tables(
                    "Latency: `" + Endpoint.byId(endpoint).label() + "` (ms)",
                    "",
                    List.of(
                            "server",
                            "rate (share of its highest = req/s)",
                            "p50",
                            "p90",
                            "p99",
                            "p99.9",
                            "max",
                            "failures"),
                    rows));
        }
        return tables;
    }

    /** Start time, memory and CPU per API (and the floor). */
    Tables resources() {
        List<List<String>> rows = new ArrayList<>();
        List<Results.Server> servers = new ArrayList<>(apis);
        if (results.floor() != null) {
            servers.add(results.floor());
        }
        for (Results.Server server : servers) {
            rows.add(List.of(
                    server.name(),
                    number(server.startMillis()),
                    number(server.rssIdleMb()),
                    number(server.rssPeakMb()),
                    number(server.rssAfterMb()),
                    String.format(Locale.ROOT, "%.1f", server.cpuSeconds())));
        }
        return new Tables(
                "Start time, memory and CPU",
                "Start: process start to the first /health/all with every backend healthy (the floor: first "
                        + "/health/ answer). "
                        + "RSS from /proc: idle once healthy, peak sampled every 100 ms under load, after the load. "
                        + "CPU: user + system seconds of the server process over all its measured load.",
                List.of(
                        "server",
                        "start to healthy (ms)",
                        "RSS idle (MB)",
                        "RSS peak under load (MB)",
                        "RSS after load (MB)",
                        "CPU under load (s)"),
                rows);
    }

    Tables baselines() {
        List<List<String>> rows = new ArrayList<>();
        for (Results.Baseline baseline : results.baselines()) {
            rows.add(List.of(
                    baseline.endpoint(),
                    baseline.description(),
                    rate(baseline.throughput()),
                    Long.toString(baseline.rounds().stream()
                            .mapToLong(r -> r.failures())
                            .sum())));
        }
        if (results.floor() != null) {
            Results.EndpointRun health = results.floor().endpoint(Endpoint.HEALTH.id());
            rows.add(List.of(
                    Endpoint.HEALTH.id(),
                    "JDK com.sun.net.httpserver, constant body (HTTP floor)",
                    rate(health.throughput()),
                    Long.toString(health.failures())));
        }
        return new Tables(
                "Baselines",
                "Same concurrency as the APIs; in-process work runs on the load generator's CPU.",
                List.of("endpoint", "work", "req/s", "failures"),
                rows);
    }

    /** How long each endpoint was warmed before it was measured, and whether its rate had settled by then. */
    Tables warmups() {
        List<List<String>> rows = new ArrayList<>();
        for (String endpoint : results.plan().endpoints()) {
            List<String> row = rowPerApi(endpoint, run -> run.warmup() == null ? "–" : Format.warmup(run.warmup()));
            row.add(results.baselines().stream()
                    .filter(b -> b.endpoint().equals(endpoint) && b.warmup() != null)
                    .findFirst()
                    .map(b -> Format.warmup(b.warmup()))
                    .orElse("–"));
            rows.add(row);
        }
        return new Tables(
                "Warm-up",
                "Closed-model load in windows of " + WarmUp.windowSeconds(results.plan()) + " s, at least "
                        + results.plan().warmupSeconds() + " s and at most "
                        + results.plan().warmupMaxSeconds()
                        + " s per endpoint, until the JIT compiler threads of the server and the load generator use"
                        + " less than " + WarmUp.QUIET_JIT_PERCENT + "% of a CPU in " + WarmUp.QUIET_WINDOWS
                        + " windows in a row (\"JIT quiet\") or " + WarmUp.STEADY_WINDOWS + " windows' rates agree"
                        + " within " + WarmUp.STEADY_SPREAD_PERCENT + "% while the JIT uses under "
                        + WarmUp.WINDING_DOWN_JIT_PERCENT + "% (\"rate steady\"); \"not settled\": neither"
                        + " by the limit, so that endpoint's figures may be low.",
                Tables.header("endpoint", apis, "baseline"),
                rows);
    }

    /** Failures (non-200 answers and transport errors) per endpoint and API, over every measured round. */
    Tables failures() {
        List<List<String>> rows = new ArrayList<>();
        for (String endpoint : results.plan().endpoints()) {
            rows.add(rowPerApi(endpoint, run -> Long.toString(run.failures())));
        }
        return new Tables(
                "Failures",
                "Non-200 answers plus transport errors over all measured rounds; every endpoint "
                        + "answers 200 by contract on a healthy stack, so each should be 0.",
                Tables.header("endpoint", apis),
                rows);
    }

    /** The endpoint, then one cell per API ("–" where the API did not run it). */
    private List<String> rowPerApi(String endpoint, Function<Results.EndpointRun, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(endpoint);
        for (Results.Server api : apis) {
            Results.EndpointRun run = api.endpoint(endpoint);
            row.add(run == null ? "–" : cell.apply(run));
        }
        return row;
    }

    Optional<Results.Server> fastest(String endpoint) {
        return apis.stream()
                .filter(a -> a.endpoint(endpoint) != null)
                .max(Comparator.comparingDouble(
                        a -> a.endpoint(endpoint).throughput().median()));
    }

    private String lead(String endpoint, Results.Server fastest) {
        double top = fastest.endpoint(endpoint).throughput().median();
        return apis.stream()
                .filter(a -> a != fastest && a.endpoint(endpoint) != null)
                .mapToDouble(a -> a.endpoint(endpoint).throughput().median())
                .max()
                .stream()
                .mapToObj(next -> String.format(Locale.ROOT, "+%.0f%%", (top / next - 1) * 100))
                .findFirst()
                .orElse("");
    }

    Optional<Spread> baseline(String endpoint) {
        if (endpoint.equals(Endpoint.HEALTH.id()) && results.floor() != null) {
            return Optional.of(results.floor().endpoint(endpoint).throughput());
        }
        return results.baselines().stream()
                .filter(b -> b.endpoint().equals(endpoint))
                .findFirst()
                .map(Results.Baseline::throughput);
    }

    private String baselineDescription(String endpoint) {
        if (endpoint.equals(Endpoint.HEALTH.id())) {
            return "JDK HTTP server, constant body";
        }
        return results.baselines().stream()
                .filter(b -> b.endpoint().equals(endpoint))
                .findFirst()
                .map(Results.Baseline::description)
                .orElse("");
    }
}
