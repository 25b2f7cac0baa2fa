package io.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.bench.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness's smoke in the build: every API under a fraction of a second of load on every endpoint, the
 * baselines and the floor included, against the real native stack. Its figures mean nothing; what it proves is
 * that every API answered every endpoint with 200 only, and that the report was written, so the harness cannot
 * rot while the full run stays manual.
 */
class BenchSmokeTest {

    private static final Path ROOT = Path.of(System.getProperty("bench.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path REPORT = ROOT.resolve("benchmarks/target/benchmark-smoke");

    @Test
    void everyApiAnswersEveryEndpointUnderLoadAndTheReportIsWritten() throws Exception {
        BenchPlan plan = BenchPlan.smoke(Harness.allApis(), Endpoint.ids());
        Results results =
                new Harness(plan, ROOT, REPORT.resolve("logs"), line -> System.out.println("bench: " + line)).run();
        String summary = ReportWriter.write(results, REPORT, "BenchSmokeTest (mvn verify)");
        System.out.print(summary);

        assertThat(results.apis()).extracting(Results.Server::name).containsExactlyElementsOf(Harness.allApis());
        for (Results.Server api : results.apis()) {
            assertThat(api.startMillis()).as(api.name() + " start time").isPositive();
            assertThat(api.rssIdleMb()).as(api.name() + " idle RSS").isPositive();
            assertThat(api.endpoints())
                    .extracting(Results.EndpointRun::endpoint)
                    .containsExactlyElementsOf(Endpoint.ids());
            for (Results.EndpointRun run : api.endpoints()) {
                assertThat(run.failures())
                        .as(api.name() + " " + run.endpoint() + " failures: " + run)
                        .isZero();
                // a fraction-of-a-second closed window on a busy machine may complete nothing; the open run always
                // sends
                long answered = run.open().stream()
                        .flatMap(l -> l.rounds().stream())
                        .mapToLong(RunResult::ok)
                        .sum();
                assertThat(answered)
                        .as(api.name() + " " + run.endpoint() + " answers with 200")
                        .isPositive();
            }
        }
        assertThat(results.baselines())
                .extracting(Results.Baseline::endpoint)
                .containsExactly("cache-get", "cache-set", "postgres", "mysql", "mongodb", "vault", "publish");
        assertThat(results.baselines())
                .allSatisfy(b -> assertThat(b.rounds())
                        .allSatisfy(r -> assertThat(r.failures())
                                .as(b.endpoint() + " baseline failures")
                                .isZero()));
        assertThat(results.floor().endpoint("health").failures()).isZero();
        assertThat(results.goals()).hasSize(3);
        for (String file : new String[] {ReportWriter.JSON, ReportWriter.MARKDOWN, ReportWriter.HTML}) {
            assertThat(REPORT.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readString(REPORT.resolve(ReportWriter.MARKDOWN)))
                .contains("Highest sustained throughput", "## Goals");
    }
}
