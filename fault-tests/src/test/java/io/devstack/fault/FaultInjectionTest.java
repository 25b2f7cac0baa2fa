package io.devstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.ReferenceApis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, point 6: under a steady mixed load on all five APIs, each backend in turn is killed (kill -9) and brought
 * back by the stack's supervisor (then {@code devstack up}, a no-op), Redis is frozen (SIGSTOP), Vault sealed, the
 * APIs' tokens revoked, and bad inputs sent. Per fault and API it records the status codes, {@code /health/all} while
 * down and after, and the time to recover without restarting the API; afterwards every acknowledged write is looked for
 * in its backend. Last, the full disk ({@link FullDisk}: a second stack on a small tmpfs, filled under load, then
 * freed). The build fails on a 500, a hang, an API that stopped answering, a 503 without envelope or Retry-After, a
 * backend an API never recovered from, or a lost acknowledged write. Report: {@code target/fault-report/}.
 */
class FaultInjectionTest {

    private static final Duration DOWN_FOR = Duration.ofSeconds(4);
    /** Shorter than the supervisor's first check (1 s) plus its first backoff (1 s). */
    private static final Duration SUPERVISOR_DETECTS = Duration.ofMillis(500);

    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static List<Fault> faults() {
        return List.of(
                Fault.kill("postgres", "/examples/database/postgres/query"),
                Fault.kill("mysql", "/examples/database/mysql/query"),
                Fault.kill("mongodb", "/examples/database/mongodb/query"),
                Fault.kill("redis-2", "/health/redis"),
                Fault.kill("rabbitmq", "/health/rabbitmq"),
                Fault.kill("vault", "/health/vault"),
                Fault.freeze("redis-1", "/health/redis"),
                VaultFaults.seal(),
                VaultFaults.revokeApiTokens());
    }

    @Test
    void theFiveApisSurviveEveryFaultAndLoseNoAcknowledgedWrite() throws Exception {
        NativeStack stack = NativeStack.shared();
        Path root = Path.of(System.getProperty("fault.projectRoot", ".."));
        Map<String, Map<String, Outcome>> byFault = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        try (ReferenceApis apis = ReferenceApis.findOrStart(root, root.resolve("fault-tests/target/fault-logs"))) {
            Map<String, URI> urls = apis.urls();
            List<String> names = List.copyOf(urls.keySet());
            AcknowledgedWrites writes = new AcknowledgedWrites();
            long started = System.nanoTime();
            try (MixedLoad load = new MixedLoad(urls, writes)) {
                Thread.sleep(2_000); // warm: every API has answered every kind of request once
                for (Fault fault : faults()) {
                    System.err.println("[fault] " + fault.name());
                    byFault.put(fault.name(), run(fault, stack, urls, load));
                }
            }
            byFault.put("bad inputs", badInputs(urls));
            if (FullDisk.canRun(summary)) {
                byFault.put(FullDiskScenario.FAULT, FullDisk.run(root, DevstackHome.fromEnvironment(), summary));
            }
            List<String> lostKeys = writes.lostCacheWrites(stack);
            Map<String, Integer> lostMessages = writes.lostMessages(stack);
            summary.add(String.format(
                    "%d faults × %d APIs in %.0f s; load: 4 clients, mixed requests (cache set/get,"
                            + " publish, three database queries, a Vault read)",
                    byFault.size(), names.size(), (System.nanoTime() - started) / 1e9));
            summary.add("acknowledged writes: " + writes.cacheCount() + " cache SETs (" + lostKeys.size() + " lost), "
                    + writes.messageCount() + " publishes ("
                    + lostMessages.values().stream().mapToInt(i -> i).sum()
                    + " lost)");
            FaultReport.write(root.resolve("fault-tests/target/fault-report"), names, byFault, summary);
            summary.forEach(line -> System.err.println("[fault] " + line));

            List<String> problems = byFault.values().stream()
                    .flatMap(m -> m.values().stream())
                    .flatMap(o -> o.problems().stream().map(p -> o.fault + " / " + o.api + ": " + p))
                    .toList();
            assertThat(problems)
                    .as("see fault-tests/target/fault-report/fault-report.md")
                    .isEmpty();
            assertThat(lostKeys)
                    .as("acknowledged cache writes missing from Redis")
                    .isEmpty();
            assertThat(lostMessages)
                    .as("acknowledged publishes missing from the broker")
                    .isEmpty();
        }
    }

    private static Map<String, Outcome> run(Fault fault, NativeStack stack, Map<String, URI> urls, MixedLoad load)
            throws Exception {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        urls.keySet().forEach(api -> outcomes.put(api, new Outcome(fault.name(), api)));
        load.observe(outcomes);
        try {
            fault.inject().run(stack);
        } catch (Exception e) {
            outcomes.values().forEach(o -> o.failures.add("the fault could not be caused: " + e.getMessage()));
        }
        long injected = System.nanoTime();
        // a killed backend is back within seconds by itself: look at the APIs before the supervisor restarts it
        Thread.sleep(fault.restartedBySupervisor() ? SUPERVISOR_DETECTS.toMillis() : DOWN_FOR.toMillis());
        eachApi(urls, (api, url) -> outcomes.get(api).healthWhileDown = health(url));
        restore(fault, stack, outcomes);
        long back = System.nanoTime();
        if (fault.restartedBySupervisor()) {
            String note = String.format(
                    "the supervisor had the backend back %.1f s after the kill; up then found it running",
                    (back - injected) / 1e9);
            outcomes.values().forEach(o -> o.notes.add(note));
            System.err.println("[fault] " + note);
        }
        eachApi(urls, (api, url) -> {
            Outcome outcome = outcomes.get(api);
            if (awaitRecovery(url.resolve(fault.recoveryPath()))) {
                outcome.recovery = Duration.ofNanos(System.nanoTime() - back);
            } else {
                outcome.failures.add("not serving " + fault.recoveryPath() + " " + RECOVERED_WITHIN.toSeconds()
                        + " s after the backend was back");
            }
        });
        load.observe(null);
        eachApi(urls, (api, url) -> outcomes.get(api).healthAfter = health(url));
        return outcomes;
    }

    /** Undoes the fault; a failed {@code up} is tried once more, as a developer would, and noted in the report. */
    private static void restore(Fault fault, NativeStack stack, Map<String, Outcome> outcomes) throws Exception {
        try {
            fault.restore().run(stack);
        } catch (RuntimeException first) {
            outcomes.values()
                    .forEach(o -> o.notes.add("the first restore failed (" + first.getMessage() + "); retried"));
            Thread.sleep(1_000);
            fault.restore().run(stack);
        }
    }

    private static Map<String, Outcome> badInputs(Map<String, URI> urls) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        urls.keySet().forEach(api -> outcomes.put(api, new Outcome("bad inputs", api)));
        eachApi(urls, (api, url) -> {
            Outcome outcome = outcomes.get(api);
            BadInputs.send(url, outcome.observed);
            long rss = BadInputs.rssBytes(api);
            outcome.healthAfter = health(url) + (rss > 0 ? ", RSS " + rss / (1024 * 1024) + " MB" : "");
            if (outcome.healthAfter.startsWith("no answer")) {
                outcome.failures.add("the API stopped answering after the bad inputs");
            }
            if (outcome.observed.count(200) > 1 || outcome.observed.count(500) > 0) {
                outcome.failures.add(
                        "a bad input was served (200) or crashed a handler (500): " + outcome.observed.codes());
            }
        });
        return outcomes;
    }

    /** {@code /health/all}'s status, fresh, or "no answer". */
    static String health(URI api) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(api.resolve("/health/all"))
                            .header("Cache-Control", "no-cache")
                            .timeout(MixedLoad.DEADLINE)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().replaceAll("(?s)^\\{\"status\":\"([a-z]+)\".*", "$1");
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no answer";
        }
    }

    private static boolean awaitRecovery(URI probe) {
        boolean health = probe.getPath().startsWith("/health/");
        return Poll.until(RECOVERED_WITHIN, Duration.ofMillis(100), () -> {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(probe).timeout(MixedLoad.DEADLINE).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && (!health || response.body().startsWith("{\"status\":\"healthy\""));
        });
    }

    /** Runs {@code action} for the five APIs in parallel and waits for all of them. */
    static void eachApi(Map<String, URI> urls, BiConsumer<String, URI> action) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            urls.forEach((api, url) -> pool.submit(() -> action.accept(api, url)));
        }
    }
}
