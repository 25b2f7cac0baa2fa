package io.devstack.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.devstack.common.http.RequestIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One API's answer to one scenario, normalised for comparison: only request ids, timestamps, durations, the
 * {@code implementation} block, the per-API unique token and the scenario's declared live measurements are
 * replaced (by a marker naming what was there). Everything else is compared as received.
 */
final class Observation {

    /** The headers the contract speaks about, plus the framing ones a framework might add on its own. */
    static final List<String> COMPARED_HEADERS = List.of(
            "X-Request-ID",
            "Content-Type",
            "Location",
            "Allow",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-Cache",
            "Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials",
            "Access-Control-Allow-Methods",
            "Access-Control-Allow-Headers",
            "Access-Control-Max-Age",
            "Access-Control-Expose-Headers",
            "Vary",
            "Cache-Control");

    static final String ABSENT = "<absent>";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z?");
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    final String api;
    final RawHttp.Response response;
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final JsonNode json;
    /** The body as received (only the unique token folded back), for the contract's fixed values. */
    final JsonNode rawJson;

    final String body;
    /** Contract violations visible in this answer alone. */
    final List<Difference> problems = new ArrayList<>();

    Observation(Scenario scenario, String api, String unique, String sentRequestId, RawHttp.Response response) {
        this.api = api;
        this.response = response;
        this.status = response.status();
        for (String name : COMPARED_HEADERS) {
            List<String> values = response.all(name);
            String value =
                    values.isEmpty() ? ABSENT : String.join(" | ", values).replace(unique, Scenario.UNIQUE);
            headers.put(name, value);
        }
        checkRequestId(scenario, sentRequestId);
        normaliseDurations();
        JsonNode parsed = null;
        JsonNode raw = null;
        String text;
        switch (scenario.bodyKind) {
            case JSON -> {
                parsed = parse(response.bodyText().replace(unique, Scenario.UNIQUE));
                raw = parsed == null ? null : parsed.deepCopy();
                if (parsed == null) {
                    problem(scenario, "body", "JSON", abbreviate(response.bodyText()));
                } else {
                    parsed = normalise(scenario, parsed);
                }
                text = parsed == null ? response.bodyText() : parsed.toString();
            }
            case EXACT ->
                text = response.body().length > 4096
                        ? "sha256:" + sha256(response.body()) + " (" + response.body().length + " bytes)"
                        : response.bodyText().replace(unique, Scenario.UNIQUE);
            case METRICS -> text = metricShape(response.bodyText());
            default -> text = "";
        }
        this.json = parsed;
        this.rawJson = raw;
        this.body = text;
    }

    /** The whole normalised answer in one string: equal fingerprints mean identical answers. */
    String fingerprint() {
        return status + "\n" + headers + "\n" + body;
    }

    private void checkRequestId(Scenario scenario, String sent) {
        String received = response.header("X-Request-ID");
        if (received == null) {
            problem(scenario, "header X-Request-ID", "present", ABSENT);
            return;
        }
        boolean echoExpected = sent != null && sent.equals(RequestIds.resolve(sent));
        if (echoExpected && !received.equals(sent)) {
            problem(scenario, "header X-Request-ID", sent + " (echoed)", received);
        } else if (!echoExpected && !UUID_V4.matcher(received).matches()) {
            problem(scenario, "header X-Request-ID", "a new UUIDv4", received);
        }
        headers.put("X-Request-ID", echoExpected ? "<echoed>" : "<generated uuid>");
    }

    private void normaliseDurations() {
        replaceSeconds("X-RateLimit-Reset");
        if (status == 429) {
            replaceSeconds("Retry-After");
        }
    }

    private void replaceSeconds(String header) {
        String value = headers.get(header);
        if (!ABSENT.equals(value) && SECONDS.matcher(value).matches()) {
            headers.put(header, "<seconds>");
        }
    }

    private JsonNode normalise(Scenario scenario, JsonNode root) {
        if (root instanceof ObjectNode object) {
            JsonNode requestId = object.get("request_id");
            if (requestId != null) {
                if (!requestId.asText().equals(response.header("X-Request-ID"))) {
                    problem(
                            scenario,
                            "/request_id",
                            "= header X-Request-ID " + response.header("X-Request-ID"),
                            requestId.toString());
                }
                object.put("request_id", "<request-id>");
            }
            if (object.get("implementation") instanceof ObjectNode implementation) {
                if (!api.equals(implementation.path("module").asText())) {
                    problem(
                            scenario,
                            "/implementation/module",
                            api,
                            implementation.path("module").toString());
                }
                List<String> names = new ArrayList<>();
                implementation.fieldNames().forEachRemaining(names::add);
                names.forEach(name ->
                        implementation.put(name, "<" + implementation.get(name).getNodeType() + ">"));
            }
        }
        for (String pattern : scenario.liveValues) {
            replaceLive(root, pattern.substring(1).split("/"), 0);
        }
        return replaceTimestamps(root);
    }

    private static void replaceLive(JsonNode node, String[] segments, int index) {
        if (node == null || index >= segments.length) {
            return;
        }
        String segment = segments[index];
        boolean last = index == segments.length - 1;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.matches(segment.replace("*", ".*"))) {
                    if (last) {
                        object.set(name, marker(object.get(name)));
                    } else {
                        replaceLive(object.get(name), segments, index + 1);
                    }
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (segment.equals("*") || segment.equals(Integer.toString(i))) {
                    if (last) {
                        ((ArrayNode) node).set(i, marker(node.get(i)));
                    } else {
                        replaceLive(node.get(i), segments, index + 1);
                    }
                }
            }
        }
    }

    /** A live value keeps its JSON type (and integral-ness), not its value. */
    private static JsonNode marker(JsonNode value) {
        String type = value.isIntegralNumber()
                ? "integer"
                : value.getNodeType().name().toLowerCase();
        return TextNode.valueOf("<live " + type + ">");
    }

    private static JsonNode replaceTimestamps(JsonNode node) {
        if (node.isTextual() && TIMESTAMP.matcher(node.asText()).matches()) {
            return TextNode.valueOf("<timestamp " + node.asText().replaceAll("\\d", "9") + ">");
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            entries.forEach(entry -> object.set(entry.getKey(), replaceTimestamps(entry.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceTimestamps(array.get(i)));
            }
        }
        return node;
    }

    /** Prometheus text compared by shape: the metric families and their types, and the label sets of the HTTP timer. */
    private static String metricShape(String text) {
        TreeSet<String> shape = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                shape.add(line);
            } else if (line.startsWith("http_server_requests_seconds_count{")) {
                shape.add(line.substring(0, line.indexOf('}') + 1));
            }
        }
        return String.join("\n", shape);
    }

    void problem(Scenario scenario, String field, String expected, String actual) {
        problems.add(new Difference(scenario.id, scenario.endpoint, api, field, expected, actual));
    }

    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (Exception e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
