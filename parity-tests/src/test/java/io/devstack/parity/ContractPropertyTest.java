package io.devstack.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devstack.common.http.ContractRoutes;
import io.devstack.parity.ContractCases.Case;
import io.devstack.parity.ContractOperations.Operation;
import io.devstack.testsupport.NativeStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A property-based contract test: requests generated from common's openapi.json alone ({@link ContractCases}, fixed
 * seed, a budget of cases spread evenly over every operation) are sent to the five APIs. Properties: every status is
 * one the document lists for the operation, never 500; a valid request is accepted and an invalid one gets the
 * status the document gives; every JSON body matches its documented schema; X-Request-ID, CORS, Location, X-Cache
 * and Retry-After behave as documented; and the five give the same status and the same error body. The summary goes
 * to {@code target/parity-report/contract-properties.md}.
 */
class ContractPropertyTest {

    private static final long SEED = Long.getLong("contract.seed", 20261205L);
    private static final int CASES = Integer.getInteger("contract.cases", 2000);
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Set<Integer> REJECTIONS = Set.of(400, 413, 415, 422);
    private static final Path REPORT = Path.of("target", "parity-report", "contract-properties.md");

    private final JsonNode doc = ContractOperations.document();
    private final OpenApiValidator schemas = new OpenApiValidator();
    private final List<Difference> fromDocument = Collections.synchronizedList(new ArrayList<>());
    private final List<Difference> betweenApis = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<Integer, Integer>> statusesSeen = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();

    @Test
    void requestsGeneratedFromTheDocumentGetWhatItSaysOnAllFiveApis() throws Exception {
        Map<String, URI> apis = FiveApis.shared().urls();
        List<Operation> operations = ContractOperations.all(doc);
        ContractCases generator = new ContractCases(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(generator.next(i, operations.get(i % operations.size())));
        }
        Instant started = Instant.now();
        try (BackendProbes probes = new BackendProbes(NativeStack.shared());
                ExecutorService runners = Executors.newFixedThreadPool(6);
                ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Case c : cases) {
                running.add(runners.submit(() -> {
                    run(c, apis, sends);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            cleanUp(cases, probes);
        }
        Duration took = Duration.between(started, Instant.now());
        writeReport(operations, cases, apis.size(), took);
        System.out.println("[contract] " + summary(operations, cases, apis.size(), took) + " — report: "
                + REPORT.toAbsolutePath());

        assertThat(fromDocument)
                .as("differences from openapi.json (see " + REPORT + ")")
                .isEmpty();
        assertThat(betweenApis)
                .as("differences between the five APIs (see " + REPORT + ")")
                .isEmpty();
    }

    private void run(Case c, Map<String, URI> apis, ExecutorService sends) throws Exception {
        InetAddress client = InetAddress.getByName("127.253." + (1 + c.number() / 250) + "." + (1 + c.number() % 250));
        Map<String, Future<RawHttp.Response>> answers = new LinkedHashMap<>();
        apis.forEach((api, url) -> answers.put(api, sends.submit(() -> send(c, url, client))));
        Map<String, RawHttp.Response> responses = new LinkedHashMap<>();
        for (Map.Entry<String, Future<RawHttp.Response>> answer : answers.entrySet()) {
            try {
                RawHttp.Response response = answer.getValue().get();
                // a 503 is documented and transient (a deadline missed on a loaded machine opens the breaker for 10 s):
                // ask again for up to 14 s before it counts
                for (int retry = 0; retry < 7 && response.status() == 503; retry++) {
                    Thread.sleep(2000);
                    response = send(c, apis.get(answer.getKey()), client);
                }
                responses.put(answer.getKey(), response);
            } catch (ExecutionException e) {
                fromDocument.add(
                        difference(c, answer.getKey(), "exchange", "a response", String.valueOf(e.getCause())));
            }
        }
        synchronized (this) {
            kinds.merge(c.kind().replaceAll(":.*|\\(.*", "").strip(), 1, Integer::sum);
            responses
                    .values()
                    .forEach(r -> statusesSeen
                            .computeIfAbsent(c.operation().id(), k -> new TreeMap<>())
                            .merge(r.status(), 1, Integer::sum));
        }
        responses.forEach((api, response) -> judge(c, api, response));
        compare(c, responses);
    }

    private static RawHttp.Response send(Case c, URI url, InetAddress client) throws IOException {
        byte[] body = c.body() == null ? new byte[0] : c.body();
        return RawHttp.exchange(url, client, c.head(url.getHost() + ":" + url.getPort()), body, false);
    }

    /** One API's answer against the document. */
    private void judge(Case c, String api, RawHttp.Response r) {
        Operation op = c.operation();
        int status = r.status();
        JsonNode body = Observation.parse(r.bodyText());
        if (!op.statuses().contains(status)) {
            fromDocument.add(difference(c, api, "status", "one of " + op.statuses(), status + " " + r.bodyText()));
        }
        if (c.expected() == ContractCases.ACCEPTED) {
            boolean notFoundRoute =
                    status == 404 && body != null && body.path("error").asText().equals("NotFound");
            if (REJECTIONS.contains(status) || notFoundRoute || status == 500) {
                fromDocument.add(difference(c, api, "status", "accepted (valid request)", answer(r)));
            }
        } else if (status != c.expected()) {
            fromDocument.add(difference(c, api, "status", Integer.toString(c.expected()), answer(r)));
        }
        String contentType = Objects.requireNonNullElse(r.header("Content-Type"), "");
        JsonNode documented = documentedResponse(op, status);
        if (documented.path("content").has("application/json")) {
            if (!contentType.startsWith("application/json")) {
                fromDocument.add(difference(c, api, "Content-Type", "application/json", contentType));
            }
            String path = c.target().contains("?")
                    ? c.target().substring(0, c.target().indexOf('?'))
                    : c.target();
            List<String> violations = ContractRoutes.template(path).equals(op.template())
                    ? schemas.validate(op.method(), path, status, r.bodyText())
                    : schemas.validate(op.method(), op.template(), status, r.bodyText());
            violations.forEach(v -> fromDocument.add(difference(c, api, "body schema", "conforms", v)));
        }
        headers(c, api, r, body);
    }

    private void headers(Case c, String api, RawHttp.Response r, JsonNode body) {
        String sent = c.sentRequestId();
        String got = r.header("X-Request-ID");
        // a server that refused the request line never read the headers: a new id is documented there (RequestId)
        boolean unparsed = r.status() == 400
                && c.kind().startsWith("malformed")
                && got != null
                && UUID_V4.matcher(got).matches();
        if (sent != null && REQUEST_ID.matcher(sent).matches() && !unparsed) {
            if (!sent.equals(got)) {
                fromDocument.add(difference(c, api, "X-Request-ID", "echo " + sent, String.valueOf(got)));
            }
        } else if (got == null || !UUID_V4.matcher(got).matches()) {
            fromDocument.add(difference(c, api, "X-Request-ID", "a new UUIDv4", String.valueOf(got)));
        }
        if (body != null
                && body.has("request_id")
                && !body.path("request_id").asText().equals(got)) {
            fromDocument.add(difference(
                    c,
                    api,
                    "request_id",
                    String.valueOf(got),
                    body.path("request_id").asText()));
        }
        String origin = c.headers().get("Origin");
        String allowOrigin = r.header("Access-Control-Allow-Origin");
        boolean malformed = c.kind().startsWith("malformed");
        String expectedAllow = ContractCases.ALLOWED_ORIGIN.equals(origin) && !malformed ? origin : null;
        if (!Objects.equals(expectedAllow, allowOrigin)) {
            fromDocument.add(difference(
                    c, api, "Access-Control-Allow-Origin", String.valueOf(expectedAllow), String.valueOf(allowOrigin)));
        }
        String credentials = r.header("Access-Control-Allow-Credentials");
        if (expectedAllow != null && !"true".equals(credentials)) {
            fromDocument.add(
                    difference(c, api, "Access-Control-Allow-Credentials", "true", String.valueOf(credentials)));
        }
        if (origin != null && !malformed && !String.valueOf(r.header("Vary")).contains("Origin")) {
            fromDocument.add(difference(c, api, "Vary", "Origin", String.valueOf(r.header("Vary"))));
        }
        int status = r.status();
        if (status == 307 && !"/health/".equals(r.header("Location"))) {
            fromDocument.add(difference(c, api, "Location", "/health/", String.valueOf(r.header("Location"))));
        }
        if ((status == 503 || status == 429) && r.header("Retry-After") == null) {
            fromDocument.add(difference(c, api, "Retry-After", "present on " + status, "absent"));
        }
        if (status == 200 && c.operation().template().equals("/health/all")) {
            String cache = r.header("X-Cache");
            String cacheControl = c.headers().getOrDefault("Cache-Control", "");
            boolean fresh = cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
            if (fresh ? !"MISS".equals(cache) : !"HIT".equals(cache) && !"MISS".equals(cache)) {
                fromDocument.add(difference(
                        c, api, "X-Cache", fresh ? "MISS (no-cache)" : "HIT or MISS", String.valueOf(cache)));
            }
        }
        boolean limited = Set.of("/", "/metrics").contains(c.operation().template());
        if (status == 200 && limited && r.header("X-RateLimit-Limit") == null) {
            fromDocument.add(difference(c, api, "X-RateLimit-Limit", "present", "absent"));
        }
    }

    /**
     * The five against the answer most of them gave: status, and an error envelope byte for byte but its request id.
     */
    private void compare(Case c, Map<String, RawHttp.Response> responses) {
        Map<String, Long> votes =
                responses.values().stream().collect(Collectors.groupingBy(this::comparable, Collectors.counting()));
        String majority = votes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
        responses.forEach((api, r) -> {
            String mine = comparable(r);
            if (!mine.equals(majority)) {
                betweenApis.add(difference(c, api, "answer", abbreviate(majority), abbreviate(mine)));
            }
        });
    }

    private String comparable(RawHttp.Response r) {
        if (r.status() < 400) {
            return Integer.toString(r.status());
        }
        JsonNode body = Observation.parse(r.bodyText());
        if (body instanceof ObjectNode envelope) {
            envelope.remove("request_id");
            if (r.status() == 429) {
                ((ObjectNode) envelope.path("details")).remove("retry_after_seconds");
            }
        }
        return r.status() + " " + (body == null ? r.bodyText() : body.toString());
    }

    private JsonNode documentedResponse(Operation op, int status) {
        JsonNode response = doc.path("paths")
                .path(op.template())
                .path(op.method().toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(status));
        return ContractOperations.resolve(doc, response);
    }

    private static void cleanUp(List<Case> cases, BackendProbes probes) {
        Set<String> keys = new TreeSet<>();
        cases.forEach(c -> keys.addAll(c.cacheKeys()));
        keys.removeIf(String::isEmpty);
        for (String key : keys) {
            probes.redis().del(key); // one key per call: keys of different slots live on different nodes
        }
        cases.stream()
                .filter(c -> c.operation().template().equals("/examples/messaging/publish"))
                .forEach(c -> c.queues().forEach(probes::forget));
    }

    private Difference difference(Case c, String api, String field, String expected, String actual) {
        String scenario =
                "case " + c.number() + " (" + c.kind() + ") " + c.operation().method() + " " + abbreviate(c.target());
        return new Difference(scenario, c.operation().id(), api, field, expected, actual);
    }

    private String summary(List<Operation> operations, List<Case> cases, int apis, Duration took) {
        long covered = cases.stream().map(c -> c.operation().id()).distinct().count();
        return "seed " + SEED + ": " + covered + "/" + operations.size() + " operations covered, " + cases.size()
                + " cases generated " + kinds + ", " + cases.size() * apis + " requests, " + fromDocument.size()
                + " differences from the document, " + betweenApis.size() + " differences between the APIs, in "
                + took.toSeconds() + " s";
    }

    private void writeReport(List<Operation> operations, List<Case> cases, int apis, Duration took) throws Exception {
        StringBuilder md = new StringBuilder("# Contract properties: requests generated from openapi.json\n\n")
                .append(summary(operations, cases, apis, took))
                .append(".\n\n")
                .append("| operation | cases | statuses seen (status × answers) |\n|---|---|---|\n");
        Map<String, Long> perOperation = cases.stream()
                .collect(Collectors.groupingBy(c -> c.operation().id(), TreeMap::new, Collectors.counting()));
        perOperation.forEach((op, n) -> md.append("| `")
                .append(op)
                .append("` | ")
                .append(n)
                .append(" | ")
                .append(statusesSeen.getOrDefault(op, Map.of()))
                .append(" |\n"));
        section(md, "Differences from the document", fromDocument);
        section(md, "Differences between the APIs", betweenApis);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md.toString());
    }

    private static void section(StringBuilder md, String title, List<Difference> differences) {
        md.append("\n## ").append(title).append(": ").append(differences.size()).append("\n\n");
        if (differences.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("| case | API | field | expected | actual |\n|---|---|---|---|---|\n");
        differences.stream()
                .limit(200)
                .forEach(d -> md.append("| ")
                        .append(cell(d.scenario()))
                        .append(" | ")
                        .append(d.api())
                        .append(" | ")
                        .append(cell(d.field()))
                        .append(" | ")
                        .append(cell(d.expected()))
                        .append(" | ")
                        .append(cell(d.actual()))
                        .append(" |\n"));
    }

    private static String answer(RawHttp.Response r) {
        return r.status() + " " + abbreviate(r.bodyText());
    }

    private static String cell(String text) {
        return String.valueOf(text).replace("|", "\\|").replace("\n", " ");
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }
}
