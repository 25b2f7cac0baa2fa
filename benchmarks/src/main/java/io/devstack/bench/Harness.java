package io.devstack.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.common.ApiModule;
import io.devstack.infra.local.AmqpLauncher;
import io.devstack.infra.local.LogRotation;
import io.devstack.infra.model.StackServices;
import io.devstack.testsupport.NativeStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Runs a {@link BenchPlan}: the in-process baselines, the JDK-server floor, then each API alone (started,
 * measured endpoint by endpoint, stopped), against the native stack ({@link NativeStack#shared()} finds it or
 * starts it). Progress goes to {@code progress}, one line per step.
 */
public final class Harness {

    /** The API whose AppRole the in-process baselines log in with (the five read the same secrets). */
    private static final ApiModule BASELINE_IDENTITY = ApiModule.VERTX;

    private final BenchPlan plan;
    private final Path projectRoot;
    private final Path logDir;
    private final Consumer<String> progress;
    private final Pinning pinning = Pinning.detect();
    private final List<Endpoint> endpoints;
    private int step;
    private int steps;

    public Harness(BenchPlan plan, Path projectRoot, Path logDir, Consumer<String> progress) {
        this.plan = plan;
        this.projectRoot = projectRoot;
        this.logDir = logDir;
        this.progress = progress;
        this.endpoints = plan.endpoints().stream().map(Endpoint::byId).toList();
    }

    public Results run() {
        Machine machine = Machine.describe();
        // the stack first: backends this JVM starts inherit its CPU affinity, and pinned to the generator's CPU
        // they would compete with it (cache GET measured at a third of its rate that way)
        NativeStack stack = NativeStack.shared();
        double training = trainAotCaches(stack);
        long started = System.nanoTime();
        String startedAt = Instant.now().toString();
        pinning.pinThisJvm();
        progress.accept("machine: " + machine.cpus() + " CPUs, " + machine.memoryGb() + " GB, " + machine.jdk()
                + ", load average " + machine.loadAverageAtStart() + "; " + pinning.describe());
        steps = (plan.baselines() ? endpoints.size() + 1 : 0) + plan.apis().size() * endpoints.size();
        progress.accept(String.format(
                "plan: %s, %d APIs x %d endpoints, %d connections, about %.0f s of load",
                plan.preset(),
                plan.apis().size(),
                endpoints.size(),
                plan.concurrency(),
                steps * plan.secondsPerEndpoint()));
        List<Results.Baseline> baselines = new ArrayList<>();
        Results.Server floor = null;
        List<Results.Server> apis = new ArrayList<>();
        // an API under load logs 100-200 MB per run: rotated as the stack's logs are
        try (LogRotation.Watch rotation = LogRotation.watch(logDir);
                RawClients raw =
                        new RawClients(stack.apiEnvironment(BASELINE_IDENTITY.moduleName()), BASELINE_IDENTITY)) {
            prepare(raw);
            if (plan.baselines()) {
                for (Endpoint endpoint : endpoints) {
                    raw.work(endpoint).ifPresentOrElse(work -> baselines.add(baseline(endpoint, work)), () -> step++);
                }
                purgeQueue(stack);
                try (ServerProcess server = ServerProcess.floor(pinning, logDir)) {
                    floor = measure(server, List.of(Endpoint.HEALTH));
                }
            }
            for (String module : plan.apis()) {
                progress.accept(module + ": starting");
                try (ServerProcess server =
                        ServerProcess.api(projectRoot, module, stack.apiEnvironment(module), pinning, logDir)) {
                    apis.add(measure(server, endpoints));
                }
                purgeQueue(stack);
            }
        }
        Results partial = new Results(
                machine,
                plan,
                pinning.describe(),
                startedAt,
                (System.nanoTime() - started) / 1e9,
                training,
                baselines,
                floor,
                apis,
                List.of());
        return new Results(
                machine,
                plan,
                pinning.describe(),
                startedAt,
                partial.elapsedSeconds(),
                training,
                baselines,
                floor,
                apis,
                Goals.evaluate(partial));
    }

    /** Brings every selected API's AOT cache up to date before the clock starts; returns the seconds it took. */
    private double trainAotCaches(NativeStack stack) {
        long begin = System.nanoTime();
        for (String module : plan.apis()) {
            ServerProcess.trainAotCache(projectRoot, module, stack.apiEnvironment(module), logDir);
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    /** The cache key GET reads exists (with a TTL) before anything is measured. */
    private static void prepare(RawClients raw) {
        try {
            raw.work(Endpoint.CACHE_SET).orElseThrow().call().run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the benchmark's cache key to Redis: " + e.getMessage(), e);
        }
    }

    private Results.Baseline baseline(Endpoint endpoint, RawClients.Work work) {
        Duration round = seconds(plan.closedSeconds());
        WarmUp.Outcome warmup = warmUp(
                window -> InProcessLoad.closed(work, plan.concurrency(), window), CompilerThreads.ofThisJvmAnd());
        List<RunResult> rounds = new ArrayList<>();
        for (int i = 0; i < plan.closedRounds(); i++) {
            rounds.add(InProcessLoad.closed(work, plan.concurrency(), round));
        }
        Spread throughput = Spread.of(rounds.stream().map(RunResult::throughput).toList());
        progress.accept(String.format(
                "[%d/%d] baseline %-10s %s: %s req/s (warm-up %s)",
                ++step, steps, endpoint.id(), work.description(), Format.rate(throughput), Format.warmup(warmup)));
        return new Results.Baseline(endpoint.id(), work.description(), warmup, rounds, throughput);
    }

    private Results.Server measure(ServerProcess server, List<Endpoint> toMeasure) {
        ProcessStats stats = server.stats();
        double rssIdle = stats.rssMb();
        double cpuBefore = stats.cpuSeconds();
        progress.accept(String.format(
                "%s: healthy after %d ms, RSS %.0f MB idle", server.name(), server.startMillis(), rssIdle));
        List<Results.EndpointRun> runs = new ArrayList<>();
        double rssPeak;
        try (LoadGenerator load = new LoadGenerator(server.base(), plan.concurrency());
                ProcessStats.RssSampler sampler = stats.sampleRss()) {
            // a fresh JVM first: every endpoint once, so the first measured endpoint does not pay for the JIT alone
            for (Endpoint endpoint : toMeasure) {
                load.closed(endpoint, seconds(plan.warmupSeconds() / 2));
            }
            for (Endpoint endpoint : toMeasure) {
                runs.add(endpoint(server, load, endpoint));
            }
            rssPeak = sampler.peakMb();
        }
        double cpu = stats.cpuSeconds() - cpuBefore;
        double rssAfter = stats.rssMb();
        progress.accept(String.format(
                "%s: %.1f CPU s under load, RSS peak %.0f MB, %.0f MB after", server.name(), cpu, rssPeak, rssAfter));
        return new Results.Server(
                server.name(), server.startMillis(), rssIdle, Math.max(rssPeak, rssAfter), rssAfter, cpu, runs);
    }

    private Results.EndpointRun endpoint(ServerProcess server, LoadGenerator load, Endpoint endpoint) {
        double cpuBefore = server.stats().cpuSeconds();
        WarmUp.Outcome warmup =
                warmUp(window -> load.closed(endpoint, window), CompilerThreads.ofThisJvmAnd(server.pid()));
        List<RunResult> closed = new ArrayList<>();
        double cpuBeforeClosed = server.stats().cpuSeconds();
        for (int i = 0; i < plan.closedRounds(); i++) {
            closed.add(load.closed(endpoint, seconds(plan.closedSeconds())));
        }
        double closedCpu = server.stats().cpuSeconds() - cpuBeforeClosed;
        Spread throughput = Spread.of(closed.stream().map(RunResult::throughput).toList());
        List<Results.OpenLevel> levels = new ArrayList<>();
        for (double fraction : plan.openFractions()) {
            double rate = Math.max(1, throughput.median() * fraction);
            List<RunResult> rounds = new ArrayList<>();
            for (int i = 0; i < plan.openRounds(); i++) {
                rounds.add(load.open(endpoint, rate, seconds(plan.openSeconds())));
            }
            levels.add(new Results.OpenLevel(
                    fraction,
                    rate,
                    rounds,
                    spread(rounds, l -> l.p50()),
                    spread(rounds, l -> l.p90()),
                    spread(rounds, l -> l.p99()),
                    spread(rounds, l -> l.p999()),
                    spread(rounds, l -> l.max())));
        }
        long failures = closed.stream().mapToLong(RunResult::failures).sum()
                + levels.stream()
                        .flatMap(l -> l.rounds().stream())
                        .mapToLong(RunResult::failures)
                        .sum();
        Results.EndpointRun run = new Results.EndpointRun(
                endpoint.id(),
                endpoint.label(),
                warmup,
                closed,
                throughput,
                levels,
                server.stats().cpuSeconds() - cpuBefore,
                closedCpu,
                failures);
        Optional<Results.OpenLevel> half = Optional.ofNullable(run.level(0.5));
        progress.accept(String.format(
                "[%d/%d] %-14s %-10s %s req/s (warm-up %s)%s%s",
                ++step,
                steps,
                server.name(),
                endpoint.id(),
                Format.rate(throughput),
                Format.warmup(warmup),
                half.map(l -> ", p99 at 50%: " + Format.millis(l.p99()) + " ms").orElse(""),
                failures == 0 ? "" : ", " + failures + " FAILED (" + firstProblem(run) + ")"));
        return run;
    }

    /** Closed load in windows until the JVMs are warm (see {@link WarmUp}), within the plan's bounds. */
    private WarmUp.Outcome warmUp(Function<Duration, RunResult> windowOfLoad, CompilerThreads jit) {
        double windowSeconds = WarmUp.windowSeconds(plan);
        return WarmUp.untilWarm(
                () -> new WarmUp.Window(
                        windowOfLoad.apply(seconds(windowSeconds)).throughput(), jit.cpuSecondsSinceLastReading()),
                windowSeconds,
                plan.warmupSeconds(),
                plan.warmupMaxSeconds());
    }

    private static Spread spread(List<RunResult> rounds, ToDoubleFunction<RunResult.Latency> value) {
        return Spread.of(
                rounds.stream().map(r -> value.applyAsDouble(r.latency())).toList());
    }

    private static String firstProblem(Results.EndpointRun run) {
        return Stream.concat(run.closedRounds().stream(), run.open().stream().flatMap(l -> l.rounds().stream()))
                .filter(r -> r.failures() > 0)
                .map(r -> r.firstError() != null ? r.firstError() : "statuses " + r.otherStatuses())
                .findFirst()
                .orElse("");
    }

    /** Empties the publish endpoint's queue, so repeated runs do not fill the broker's store. */
    private static void purgeQueue(NativeStack stack) {
        Map<String, String> secret = stack.secret("rabbitmq");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(AmqpLauncher.PORT);
        factory.setUsername(secret.get("user"));
        factory.setPassword(secret.get("password"));
        factory.setVirtualHost(secret.get("vhost"));
        try (Connection connection = factory.newConnection("devstack-bench");
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(Endpoint.QUEUE, true, false, false, null);
            channel.queuePurge(Endpoint.QUEUE);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot purge the benchmark queue " + Endpoint.QUEUE + ": " + e.getMessage(), e);
        }
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos((long) (value * 1e9));
    }

    /** The API modules in contract order, for the default selection. */
    public static List<String> allApis() {
        return StackServices.apiNames();
    }
}
