package io.devstack.parity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devstack.parity.ContractOperations.Operation;
import io.devstack.parity.ContractOperations.Param;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requests generated from openapi.json alone, with one seeded {@link Random}: valid ones (every parameter and body
 * field drawn from its schema, bounds included) and invalid ones (one parameter, body field or body broken in one
 * way), each with the status the document gives for it. Values are percent-encoded as a client generated from the
 * document would (RFC 3986: everything but unreserved characters). Besides the schemas, the generator honours only
 * what the document says in words: the front-door rule of {@code info.description} (a path segment that is
 * {@code .}/{@code ..} or decodes to {@code /}, {@code \} or a control character is 400 Malformed request), an empty
 * path segment matching no route (404), the empty message (400 BadRequest) and a query head of at most 64 KiB.
 */
final class ContractCases {

    /**
     * {@link Case#expected} of a valid request: any documented status that is not a rejection (400/404
     * NotFound/413/415/422).
     */
    static final int ACCEPTED = 0;

    static final String ALLOWED_ORIGIN = "http://localhost:3000";
    static final String FOREIGN_ORIGIN = "http://evil.example";

    /** One generated request and what the document says it gets. */
    record Case(
            int number,
            Operation operation,
            String kind,
            String target,
            Map<String, String> headers,
            byte[] body,
            int expected,
            Set<String> cacheKeys,
            Set<String> queues) {

        String head(String host) {
            StringBuilder head = new StringBuilder(operation.method())
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(host)
                    .append("\r\nConnection: close");
            headers.forEach((name, value) ->
                    head.append("\r\n").append(name).append(": ").append(value));
            if (body != null || !operation.method().equals("GET")) {
                head.append("\r\nContent-Length: ").append(body == null ? 0 : body.length);
            }
            return head.toString();
        }

        String sentRequestId() {
            return headers.get("X-Request-ID");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Free text: ASCII, Latin-1, CJK, an astral emoji, spaces, and the characters URLs and JSON must escape. */
    private static final int[] FREE = "abcdefXYZ0129 -_.~!*'();:@&=+$,/?#[]%\"<>{}|\\^`éü漢字😀\t\n"
            .codePoints()
            .toArray();
    /** Characters no contract pattern allows and the front door lets through (so they reach validation: 422). */
    private static final int[] OFF_PATTERN =
            " !\"#$%&'()*+,;<=>?@[]^`{|}~é漢😀".codePoints().toArray();

    private static final int QUERY_ASCII_ABOVE = 2_000;

    private final Random random;

    ContractCases(long seed) {
        this.random = new Random(seed);
    }

    /** Case {@code number} of {@code op}: about half valid, the rest invalid or malformed. */
    Case next(int number, Operation op) {
        Draft draft = new Draft(op);
        for (Param p : op.params()) {
            if (p.in().equals("header")) {
                header(draft, p);
            } else if (p.required() || op.requiredFromQueryOrBody().contains(p.name()) || random.nextBoolean()) {
                draft.values.put(p, valid(p.schema(), p.in()));
            }
        }
        if (op.bodySchema() != null && (op.bodyRequired() || random.nextBoolean())) {
            draft.body = validBody(op.bodySchema());
        }
        for (String name : op.requiredFromQueryOrBody()) {
            if (!draft.givesInBody(name)) {
                draft.values.put(query(op, name), valid(query(op, name).schema(), "query"));
            }
        }
        draft.kind = "valid";
        double roll = random.nextDouble();
        if (roll < 0.12) {
            malformed(draft);
        } else if (roll < 0.5) {
            invalid(draft);
        }
        return draft.toCase(number);
    }

    // ---- valid values ------------------------------------------------------------------------------------------

    private String valid(JsonNode schema, String in) {
        if (schema.has("enum")) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .asText();
        }
        if (mainType(schema).equals("integer")) {
            long min = schema.path("minimum").asLong(-1000);
            long max = schema.path("maximum").asLong(1000);
            return Long.toString(pick(min, max));
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(min + 40);
        int[] chars = schema.has("pattern") ? patternClass(schema.get("pattern").asText()) : FREE;
        while (true) {
            int length = (int) pick(min, max);
            boolean ascii = in.equals("query") && length > QUERY_ASCII_ABOVE; // the request head stays within 64 KiB
            String value = text(length, chars, in.equals("path"), ascii);
            if (!forbiddenByNot(schema, value) && !(in.equals("path") && (value.equals(".") || value.equals("..")))) {
                return value;
            }
        }
    }

    private JsonNode validBody(JsonNode schema) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            int fields = 1 + random.nextInt(3);
            for (int i = 0; i < fields; i++) {
                body.set(text(1 + random.nextInt(12), FREE, false, false), anyJson(2));
            }
            return body;
        }
        properties.properties().forEach(p -> {
            if (random.nextBoolean()) {
                body.set(p.getKey(), validJson(p.getValue()));
            }
        });
        return body;
    }

    private JsonNode validJson(JsonNode schema) {
        JsonNode type = schema.path("type");
        boolean nullable = type.isArray() && type.toString().contains("\"null\"");
        if (nullable && random.nextInt(5) == 0) {
            return JsonNodeFactory.instance.nullNode();
        }
        return mainType(schema).equals("integer")
                ? JsonNodeFactory.instance.numberNode(Long.parseLong(valid(schema, "body")))
                : JsonNodeFactory.instance.textNode(valid(schema, "body"));
    }

    private JsonNode anyJson(int depth) {
        return switch (random.nextInt(depth > 0 ? 6 : 4)) {
            case 0 -> JsonNodeFactory.instance.numberNode(random.nextInt());
            case 1 -> JsonNodeFactory.instance.booleanNode(random.nextBoolean());
            case 2 -> JsonNodeFactory.instance.nullNode();
            case 3 -> JsonNodeFactory.instance.textNode(text(random.nextInt(20), FREE, false, false));
            case 4 ->
                JsonNodeFactory.instance.arrayNode().add(anyJson(depth - 1)).add(anyJson(depth - 1));
            default -> JsonNodeFactory.instance.objectNode().set("n", anyJson(depth - 1));
        };
    }

    private void header(Draft draft, Param p) {
        switch (p.name()) {
            case "X-Request-ID" -> {
                int roll = random.nextInt(10);
                if (roll < 4) {
                    draft.headers.put(
                            p.name(), text(1 + (int) pick(0, 127), patternClass("^[A-Za-z0-9._-]+$"), false, true));
                } else if (roll < 7) {
                    // lenient by design: replaced, never rejected (too long, a space, a Latin-1 byte, UTF-8 bytes)
                    String[] odd = {
                        "x".repeat(129),
                        "two words",
                        "caf\u00e9",
                        new String("漢字".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                        "a/b",
                        "{id}"
                    };
                    draft.headers.put(p.name(), odd[random.nextInt(odd.length)]);
                }
            }
            case "Origin" -> {
                int roll = random.nextInt(10);
                if (roll < 3) {
                    draft.headers.put(p.name(), ALLOWED_ORIGIN);
                } else if (roll < 4 && draft.op.method().equals("GET")) {
                    draft.headers.put(p.name(), FOREIGN_ORIGIN);
                }
            }
            case "Cache-Control" -> {
                String[] values = {null, "no-cache", "max-age=0", "no-store, No-Cache"};
                String value = values[random.nextInt(values.length)];
                if (value != null) {
                    draft.headers.put(p.name(), value);
                }
            }
            default -> throw new IllegalStateException("the generator knows no header parameter " + p.name());
        }
    }

    // ---- invalid requests ----------------------------------------------------------------------------------------

    private void invalid(Draft draft) {
        Operation op = draft.op;
        List<Runnable> ways = new ArrayList<>();
        for (Param p : op.params()) {
            if (!p.in().equals("header")) {
                ways.add(() -> invalidParam(draft, p));
            }
        }
        if (op.bodySchema() != null) {
            ways.add(() -> invalidBody(draft));
        }
        if (!ways.isEmpty()) {
            ways.get(random.nextInt(ways.size())).run();
        }
    }

    private void invalidParam(Draft draft, Param p) {
        JsonNode s = p.schema();
        boolean path = p.in().equals("path");
        List<String> violations = new ArrayList<>();
        if (p.required() || draft.op.requiredFromQueryOrBody().contains(p.name())) {
            violations.add("missing");
        }
        if (s.path("minLength").asInt(0) > 0) {
            violations.add("too short");
        }
        if (s.has("maxLength")) {
            violations.add("too long");
        }
        if (s.has("pattern")) {
            violations.add("pattern");
        }
        if (s.has("enum")) {
            violations.add("not in enum");
        }
        if (mainType(s).equals("integer")) {
            violations.addAll(List.of("below minimum", "above maximum", "not an integer"));
        }
        if (violations.isEmpty()) {
            draft.kind = "valid (" + p.name() + " has no constraint)";
            return;
        }
        String violation = violations.get(random.nextInt(violations.size()));
        draft.kind = "invalid " + p.in() + " " + p.name() + ": " + violation;
        draft.expected = 422;
        switch (violation) {
            case "missing" -> {
                draft.values.remove(p);
                if (path) {
                    draft.values.put(p, "");
                    draft.expected = 404; // an empty segment matches no route
                } else if (draft.op.requiredFromQueryOrBody().contains(p.name())) {
                    draft.dropFromBody(p.name());
                }
            }
            case "too short" -> {
                draft.values.put(p, "");
                draft.expected = path ? 404 : 422;
            }
            case "too long" ->
                draft.values.put(
                        p,
                        text(
                                s.get("maxLength").asInt() + 1 + random.nextInt(10),
                                s.has("pattern") ? patternClass(s.get("pattern").asText()) : FREE,
                                path,
                                true));
            case "pattern" -> {
                StringBuilder value = new StringBuilder(valid(s, p.in()));
                int bad = offPattern(patternClass(s.get("pattern").asText()));
                int at = random.nextInt(value.length());
                value.replace(at, Math.min(value.length(), at + 1), Character.toString(bad));
                if (value.codePointCount(0, value.length())
                        > s.path("maxLength").asInt(Integer.MAX_VALUE)) {
                    value.setLength(
                            value.offsetByCodePoints(0, s.get("maxLength").asInt()));
                }
                draft.values.put(p, value.toString());
            }
            case "not in enum" -> {
                draft.values.put(p, "no-such-" + text(1 + random.nextInt(8), patternClass("^[a-z0-9]+$"), true, true));
                draft.expected = 404;
            }
            case "below minimum" ->
                draft.values.put(p, Long.toString(s.get("minimum").asLong() - 1 - random.nextInt(3)));
            case "above maximum" ->
                draft.values.put(p, Long.toString(s.get("maximum").asLong() + 1 + random.nextInt(1000)));
            default -> {
                String[] notIntegers = {"abc", "1.5", "", "1e3", "0x10", "٣"};
                draft.values.put(p, notIntegers[random.nextInt(notIntegers.length)]);
            }
        }
        if (!path && draft.op.requiredFromQueryOrBody().contains(p.name())) {
            draft.dropFromBody(p.name()); // else the body's field would stand in for the missing query value
        }
    }

    private void invalidBody(Draft draft) {
        JsonNode schema = draft.op.bodySchema();
        List<String> ways = new ArrayList<>(List.of("not JSON", "not an object", "not application/json"));
        if (draft.op.bodyRequired()) {
            ways.add("missing");
        }
        if (schema.path("minProperties").asInt(0) > 0) {
            ways.add("no properties");
        }
        schema.path("properties").fieldNames().forEachRemaining(name -> ways.add("property " + name));
        String way = ways.get(random.nextInt(ways.size()));
        draft.kind = "invalid body: " + way;
        draft.expected = 422;
        JsonNode valid = draft.body != null && !draft.body.isEmpty() ? draft.body : validBody(schema);
        switch (way) {
            case "not JSON" -> draft.rawBody = "{\"value\": ".getBytes(StandardCharsets.UTF_8);
            case "not an object" ->
                draft.rawBody = new String[] {"[1,2]", "\"text\"", "42", "null", "true"}
                        [random.nextInt(5)].getBytes(StandardCharsets.UTF_8);
            case "not application/json" -> {
                draft.body =
                        valid.isEmpty() ? JsonNodeFactory.instance.objectNode().put("a", 1) : valid;
                draft.contentType = new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"
                        }
                        [random.nextInt(3)];
                draft.expected = 415;
            }
            case "missing" -> draft.body = null;
            case "no properties" -> {
                draft.body = JsonNodeFactory.instance.objectNode();
                draft.expected = 400; // the empty message: 400 BadRequest
            }
            default -> invalidProperty(draft, way.substring("property ".length()), schema.path("properties"));
        }
    }

    private void invalidProperty(Draft draft, String name, JsonNode properties) {
        JsonNode s = properties.get(name);
        ObjectNode body = draft.body instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        draft.body = body;
        draft.values.keySet().removeIf(p -> p.in().equals("query") && p.name().equals(name)); // the query would win
        int roll = random.nextInt(3);
        if (mainType(s).equals("integer")) {
            body.set(
                    name,
                    switch (roll) {
                        case 0 ->
                            JsonNodeFactory.instance.numberNode(
                                    s.path("minimum").asLong() - 1 - random.nextInt(5));
                        case 1 ->
                            JsonNodeFactory.instance.numberNode(
                                    s.path("maximum").asLong() + 1 + random.nextInt(5));
                        default ->
                            random.nextBoolean()
                                    ? JsonNodeFactory.instance.textNode("60")
                                    : JsonNodeFactory.instance.numberNode(1.5);
                    });
        } else if (roll == 0 && s.has("maxLength")) {
            body.put(name, text(s.get("maxLength").asInt() + 1, FREE, false, false));
        } else {
            body.set(
                    name,
                    random.nextBoolean()
                            ? JsonNodeFactory.instance.numberNode(7)
                            : JsonNodeFactory.instance.arrayNode());
        }
    }

    /** Targets the document's front-door rule refuses as 400 Malformed request. */
    private void malformed(Draft draft) {
        List<Param> pathParams = draft.op.in("path");
        String[] ways = pathParams.isEmpty()
                ? new String[] {"query %zz", "query %FF", "query raw {", "dot segment"}
                : new String[] {
                    "query %zz",
                    "query %FF",
                    "query raw {",
                    "dot segment",
                    "encoded /",
                    "encoded \\",
                    "raw ;",
                    "NUL",
                    ". or ..",
                    "raw {",
                    "raw |"
                };
        String way = ways[random.nextInt(ways.length)];
        draft.kind = "malformed: " + way;
        draft.expected = 400;
        Param param = pathParams.isEmpty() ? null : pathParams.get(random.nextInt(pathParams.size()));
        switch (way) {
            case "query %zz" -> draft.rawQuerySuffix = "x=%zz";
            case "query %FF" -> draft.rawQuerySuffix = "x=caf%E9";
            case "query raw {" -> draft.rawQuerySuffix = "x={y}";
            case "raw {" -> draft.rawPathValues.put(param, "{" + param.name() + "}");
            case "raw |" -> draft.rawPathValues.put(param, "a|b");
            case "dot segment" -> draft.dotSegment = random.nextBoolean() ? "." : "%2E%2E";
            case "encoded /" -> draft.rawPathValues.put(param, "a%2Fb");
            case "encoded \\" -> draft.rawPathValues.put(param, "a%5Cb");
            case "raw ;" -> draft.rawPathValues.put(param, "a;b");
            case "NUL" -> draft.rawPathValues.put(param, "a%00");
            default -> draft.rawPathValues.put(param, random.nextBoolean() ? "." : "..");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** An edge (min or max) one time in five each, else uniform in [min, min(max, min + 60)]. */
    private long pick(long min, long max) {
        int roll = random.nextInt(5);
        if (roll == 0) {
            return min;
        }
        if (roll == 1) {
            return max;
        }
        return min + (long) (random.nextDouble() * (Math.min(max, min + 60) - min + 1));
    }

    private String text(int length, int[] chars, boolean pathSafe, boolean ascii) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            int c = chars[random.nextInt(chars.length)];
            if ((ascii && c > 0x7E) || (pathSafe && (c == '/' || c == '\\' || c < 0x20))) {
                continue;
            }
            text.appendCodePoint(c);
        }
        return text.toString();
    }

    private int offPattern(int[] allowed) {
        Set<Integer> ok = new TreeSet<>();
        for (int c : allowed) {
            ok.add(c);
        }
        while (true) {
            int c = OFF_PATTERN[random.nextInt(OFF_PATTERN.length)];
            if (!ok.contains(c)) {
                return c;
            }
        }
    }

    /** The schema's type; for a list such as {@code ["integer","null"]}, the first. */
    private static String mainType(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.get(0).asText() : type.asText();
    }

    private static boolean forbiddenByNot(JsonNode schema, String value) {
        for (JsonNode v : schema.path("not").path("enum")) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The characters of a contract pattern {@code ^[...]+$} (ranges expanded; a trailing {@code -} is literal). */
    static int[] patternClass(String pattern) {
        if (!pattern.matches("\\^\\[[^\\]]+\\]\\+\\$")) {
            throw new IllegalStateException("the generator reads only ^[class]+$ patterns, not " + pattern);
        }
        String body = pattern.substring(2, pattern.length() - 3);
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                for (char x = c; x <= body.charAt(i + 2); x++) {
                    chars.append(x);
                }
                i += 2;
            } else {
                chars.append(c);
            }
        }
        return chars.chars().toArray();
    }

    private static Param query(Operation op, String name) {
        return op.in("query").stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(op.id() + ": no query parameter " + name));
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters, as UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** A case being drawn: parameter values, body, headers, and what the document says it gets. */
    private final class Draft {
        final Operation op;
        final Map<Param, String> values = new LinkedHashMap<>();
        final Map<Param, String> rawPathValues = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;
        byte[] rawBody;
        String contentType = "application/json";
        String rawQuerySuffix;
        String dotSegment;
        String kind;
        int expected = ACCEPTED;

        Draft(Operation op) {
            this.op = op;
        }

        boolean givesInBody(String name) {
            return body != null && body.has(name);
        }

        void dropFromBody(String name) {
            if (body instanceof ObjectNode object) {
                object.remove(name);
            }
        }

        Case toCase(int number) {
            String path = op.template();
            Set<String> cacheKeys = new TreeSet<>();
            Set<String> queues = new TreeSet<>();
            for (Param p : op.in("path")) {
                String raw = rawPathValues.containsKey(p) ? rawPathValues.get(p) : encode(values.getOrDefault(p, ""));
                path = path.replace("{" + p.name() + "}", raw);
                if (p.name().equals("key") && op.template().startsWith("/examples/cache/")) {
                    cacheKeys.add(values.getOrDefault(p, ""));
                }
            }
            if (dotSegment != null) {
                int cut = path.lastIndexOf('/');
                path = path.substring(0, cut) + "/" + dotSegment + path.substring(cut);
            }
            List<String> query = new ArrayList<>();
            values.forEach((p, v) -> {
                if (p.in().equals("query")) {
                    query.add(encode(p.name()) + "=" + encode(v));
                    if (p.name().equals("queue_name")) {
                        queues.add(v);
                    }
                }
            });
            if (rawQuerySuffix != null) {
                query.add(rawQuerySuffix);
            }
            String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
            byte[] bytes = rawBody != null ? rawBody : body == null ? null : json(body);
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (bytes != null) {
                sent.put("Content-Type", contentType);
            }
            return new Case(number, op, kind, target, sent, bytes, expected, cacheKeys, queues);
        }
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
