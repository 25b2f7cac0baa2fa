package io.devstack.parity;

import static org.junit.jupiter.api.Assertions.fail;

import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.ReferenceApis;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link ScenarioCatalogue} against the five APIs (one dynamic test per scenario, the five in parallel),
 * fails a scenario on any difference, and writes {@code target/parity-report/}.
 */
class ParityTest {

    private static final Path TARGET = Path.of("target");
    private static final String RUN =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    /**
     * Client addresses 127.N.x.y, N fixed per run: each run (and each fresh-client scenario) gets its own rate budget.
     */
    private static final int CLIENT_NET = 2 + ThreadLocalRandom.current().nextInt(250);

    private static final AtomicInteger FRESH_CLIENTS = new AtomicInteger(1);

    private static ReferenceApis apis;
    private static BackendProbes probes;
    private static OpenApiValidator openApi;
    private static ParityReport report;
    private static ExecutorService pool;
    /** Secret values from Vault (name → value), to prove no answer ever carries one. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    @BeforeAll
    static void startApis() throws Exception {
        apis = FiveApis.shared();
        probes = new BackendProbes(NativeStack.shared());
        openApi = new OpenApiValidator();
        Map<String, String> urls = new LinkedHashMap<>();
        apis.urls().forEach((api, url) -> urls.put(api, url.toString()));
        report = new ParityReport(TARGET.resolve("parity-report"), urls);
        pool = Executors.newVirtualThreadPerTaskExecutor();
        for (String service : List.of("postgres", "mysql", "mongodb", "redis-1", "rabbitmq")) {
            NativeStack.shared().secret(service).forEach((field, value) -> {
                if (field.contains("password") && value != null && value.length() >= 6) {
                    SECRETS.put(service + " " + field, value);
                }
            });
        }
        System.out.println("[parity] " + SECRETS.size() + " secret values from Vault are checked against every answer: "
                + SECRETS.keySet());
    }

    @AfterAll
    static void stopApis() throws Exception {
        if (report != null) {
            System.out.println("[parity] " + report.summary() + " — report: "
                    + TARGET.resolve("parity-report").toAbsolutePath());
        }
        if (probes != null) {
            probes.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioOnEveryApi() {
        return ScenarioCatalogue.all(NativeStack.shared(), probes).stream()
                .map(scenario ->
                        DynamicTest.dynamicTest("[" + scenario.endpoint + "] " + scenario.id, () -> run(scenario)));
    }

    private void run(Scenario scenario) throws Exception {
        if (scenario.before != null) {
            scenario.before.run();
        }
        InetAddress client = InetAddress.getByName(
                scenario.freshClient
                        ? "127." + CLIENT_NET + "." + FRESH_CLIENTS.incrementAndGet() + ".1"
                        : "127." + CLIENT_NET + ".0.1");
        Map<String, Future<RawHttp.Response>> running = new LinkedHashMap<>();
        apis.urls()
                .forEach((api, url) -> running.put(api, pool.submit(() -> send(scenario, url, unique(api), client))));
        List<Observation> answers = new ArrayList<>();
        List<Difference> found = new ArrayList<>();
        String sentRequestId = scenario.headers.stream()
                .filter(h -> h.getKey().equals("X-Request-ID"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        for (Map.Entry<String, Future<RawHttp.Response>> entry : running.entrySet()) {
            RawHttp.Response response;
            try {
                response = entry.getValue().get();
            } catch (ExecutionException e) {
                found.add(new Difference(
                        scenario.id,
                        scenario.endpoint,
                        entry.getKey(),
                        "exchange",
                        "a response",
                        String.valueOf(e.getCause())));
                continue;
            }
            answers.add(new Observation(scenario, entry.getKey(), unique(entry.getKey()), sentRequestId, response));
        }
        if (!answers.isEmpty()) {
            found.addAll(ParityCheck.judge(scenario, path(scenario), answers, openApi));
        }
        for (Observation answer : answers) {
            String wire = answer.response.headers() + answer.response.bodyText();
            SECRETS.forEach((name, value) -> {
                if (wire.contains(value)) {
                    found.add(new Difference(
                            scenario.id,
                            scenario.endpoint,
                            answer.api,
                            "secret leak",
                            "no secret value",
                            "the " + name + " (value not shown)"));
                }
            });
        }
        if (scenario.backendCheck != null) {
            for (Observation answer : answers) {
                String problem = scenario.backendCheck.verify(unique(answer.api), answer.response);
                if (problem != null) {
                    found.add(new Difference(
                            scenario.id, scenario.endpoint, answer.api, "backend side effect", "as answered", problem));
                }
            }
        }
        report.record(scenario, found);
        if (!found.isEmpty()) {
            fail(found.size() + " difference(s):\n"
                    + found.stream().map(Difference::toString).collect(Collectors.joining("\n")));
        }
    }

    private static RawHttp.Response send(Scenario scenario, URI url, String unique, InetAddress client)
            throws Exception {
        String host = url.getHost() + ":" + url.getPort();
        // spend the budget: until an answer says none is left with time to spare in its window. A slow machine that
        // crosses into a new window on the way just spends that one too; an API that never says 0 is sent three
        // budgets, and then the compared request shows what it does past its limit
        for (int i = 0; i < scenario.warmUpRequests * 3; i++) {
            RawHttp.Response warmUp =
                    RawHttp.exchange(url, client, scenario.head(host, unique), scenario.body(unique), scenario.chunked);
            if (warmUp.status() / 100 != 2) {
                return warmUp; // reported as the answer: the budget ran out early
            }
            if (i + 1 >= scenario.warmUpRequests && spentWithTimeLeft(warmUp)) {
                break;
            }
        }
        long deadline = System.nanoTime() + scenario.retryForSeconds * 1_000_000_000L;
        while (true) {
            RawHttp.Response response =
                    RawHttp.exchange(url, client, scenario.head(host, unique), scenario.body(unique), scenario.chunked);
            if (scenario.retryForSeconds == 0 || settled(scenario, response) || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(1000);
        }
    }

    /** True when a rate-limited answer leaves no request in a window that ends in 2 s or more. */
    private static boolean spentWithTimeLeft(RawHttp.Response response) {
        String remaining = response.header("X-RateLimit-Remaining");
        String reset = response.header("X-RateLimit-Reset");
        return "0".equals(remaining) && reset != null && reset.matches("\\d+") && Long.parseLong(reset) >= 2;
    }

    /** The answer a retried scenario waits for: the expected status and the contract's fixed values. */
    private static boolean settled(Scenario scenario, RawHttp.Response response) {
        if (response.status() != scenario.expectedStatus) {
            return false;
        }
        var json = Observation.parse(response.bodyText());
        return json != null
                && scenario.expectedJson.entrySet().stream()
                        .allMatch(e -> json.at(e.getKey()).asText().equals(String.valueOf(e.getValue())));
    }

    private static String path(Scenario scenario) {
        if (scenario.rawRequestLine != null) {
            return scenario.rawRequestLine.split(" ")[1];
        }
        String target = scenario.target.replace(Scenario.UNIQUE, "u");
        return target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    }

    private static String unique(String api) {
        return "p" + RUN + api.substring(api.indexOf('-') + 1);
    }
}
