package io.devstack.bench;

import io.devstack.bench.report.ReportWriter;
import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.model.StackServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./devstack bench}: measures the chosen APIs on the chosen endpoints against the native stack (started if
 * it is not running), prints progress and the summary table, and writes the report.
 */
@Command(
        name = "devstack bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the five reference APIs side by side (one at a time) against the raw-client and "
                    + "JDK-server baselines, and writes benchmarks/target/benchmark-report/ (index.html, "
                    + "report.md, results.json).",
            "A full run takes about 14 minutes on 2 CPUs (plus about 20 s per API whose jar was rebuilt, to train "
                    + "its AOT cache first); --quick about 4."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "a first look: one round per figure, short windows")
    boolean quick;

    @Option(
            names = "--apis",
            split = ",",
            paramLabel = "API",
            description = "APIs to measure (spring, micronaut, helidon, vertx, javalin; default all five)")
    List<String> apis;

    @Option(
            names = "--endpoints",
            split = ",",
            paramLabel = "ENDPOINT",
            description = "endpoints to measure (default all: ${COMPLETION-CANDIDATES})",
            completionCandidates = EndpointIds.class)
    List<String> endpoints;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "length of one closed-model round (warm-up and open-model rounds scale with it)")
    Double duration;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "connections of the load generator (default " + BenchPlan.DEFAULT_CONCURRENCY + ")")
    Integer concurrency;

    @Option(names = "--no-baselines", description = "skip the in-process raw-client baselines and the JDK-server floor")
    boolean noBaselines;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "report folder (default benchmarks/target/benchmark-report)")
    Path out;

    static final class EndpointIds extends ArrayList<String> {
        EndpointIds() {
            super(Endpoint.ids());
        }
    }

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new BenchCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("devstack bench: " + e.getMessage());
            return 1;
        });
        System.exit(line.execute(args));
    }

    @Override
    public Integer call() {
        BenchPlan plan = plan();
        Path root = ApiLauncher.repositoryRoot();
        Path folder = out != null ? out : root.resolve("benchmarks/target/benchmark-report");
        Results results =
                new Harness(plan, root, folder.resolve("logs"), line -> System.out.println("bench: " + line)).run();
        String summary = ReportWriter.write(results, folder, command());
        System.out.println();
        System.out.print(summary);
        results.goals()
                .forEach(goal -> System.out.println(
                        (goal.met() ? "met:     " : "NOT MET: ") + goal.goal() + " — " + goal.detail()));
        System.out.println("\nreport: " + folder.resolve(ReportWriter.HTML) + " (also " + ReportWriter.MARKDOWN + ", "
                + ReportWriter.JSON + ")");
        long failures = results.apis().stream()
                .flatMap(a -> a.endpoints().stream())
                .mapToLong(Results.EndpointRun::failures)
                .sum();
        return failures == 0 ? 0 : 2;
    }

    BenchPlan plan() {
        List<String> chosenApis = apis == null
                ? Harness.allApis()
                : apis.stream().map(BenchCommand::module).toList();
        List<String> chosenEndpoints = endpoints == null
                ? Endpoint.ids()
                : endpoints.stream().map(id -> Endpoint.byId(id).id()).toList();
        BenchPlan plan =
                quick ? BenchPlan.quick(chosenApis, chosenEndpoints) : BenchPlan.full(chosenApis, chosenEndpoints);
        if (duration != null) {
            if (duration <= 0) {
                throw new IllegalArgumentException("--duration must be a positive number of seconds, got " + duration);
            }
            plan = plan.withRoundSeconds(duration);
        }
        if (concurrency != null) {
            if (concurrency < 1 || concurrency > 1024) {
                throw new IllegalArgumentException("--concurrency must be 1–1024, got " + concurrency);
            }
            plan = plan.withConcurrency(concurrency);
        }
        return noBaselines ? plan.withoutBaselines() : plan;
    }

    /** {@code vertx} or {@code api-vertx} → {@code api-vertx}. */
    private static String module(String name) {
        String module = name.startsWith("api-") ? name : "api-" + name;
        if (!StackServices.apiNames().contains(module)) {
            throw new IllegalArgumentException(
                    "unknown API '" + name + "'; choose from spring, micronaut, helidon, vertx, javalin");
        }
        return module;
    }

    private String command() {
        StringBuilder command = new StringBuilder("./devstack bench");
        if (quick) {
            command.append(" --quick");
        }
        if (apis != null) {
            command.append(" --apis ").append(String.join(",", apis));
        }
        if (endpoints != null) {
            command.append(" --endpoints ").append(String.join(",", endpoints));
        }
        if (duration != null) {
            command.append(" --duration ").append(duration);
        }
        if (concurrency != null) {
            command.append(" --concurrency ").append(concurrency);
        }
        if (noBaselines) {
            command.append(" --no-baselines");
        }
        return command.toString();
    }
}
