package io.devstack.parity;

import io.devstack.common.http.ContractRoutes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request of the catalogue, sent identically to the five APIs, and what the contract says about its answer.
 * Scenarios are data: a builder fills the fields, the {@link ParityTest} runs them. In a target, header or body,
 * {@value #UNIQUE} stands for a token unique to this run and API (so the five do not share cache keys or queues);
 * responses have it folded back before comparison.
 */
final class Scenario {

    static final String UNIQUE = "$U";

    /** How the bodies of the five are compared. */
    enum BodyKind {
        JSON,
        EXACT,
        METRICS,
        NONE
    }

    final String id;
    String endpoint;
    String method;
    String target;
    String rawRequestLine;
    String hostHeader;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    byte[] body = new byte[0];
    boolean chunked;
    boolean omitContentLength;
    int expectedStatus;
    final Map<String, Object> expectedJson = new LinkedHashMap<>();
    final Map<String, String> expectedHeaders = new LinkedHashMap<>();
    final List<String> absentHeaders = new ArrayList<>();
    final List<String> liveValues = new ArrayList<>();
    BodyKind bodyKind = BodyKind.JSON;
    int warmUpRequests;
    boolean freshClient;
    int retryForSeconds;
    BackendCheck backendCheck;
    Runnable before;

    /** A side effect to verify in the backend itself, with our own client, after the API answered. */
    @FunctionalInterface
    interface BackendCheck {
        /** @return {@code null} when the backend holds what the response claims, else what differs */
        String verify(String unique, RawHttp.Response response) throws Exception;
    }

    private Scenario(String id) {
        this.id = id;
    }

    static Scenario of(String id, String method, String target) {
        Scenario scenario = new Scenario(id);
        scenario.method = method;
        scenario.target = target;
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String template = ContractRoutes.template(path.replace(UNIQUE, "u"));
        scenario.endpoint = ContractRoutes.UNKNOWN.equals(template) ? "(unknown route)" : method + " " + template;
        if (!ContractRoutes.UNKNOWN.equals(template)
                && !ContractRoutes.allowedMethods(path.replace(UNIQUE, "u")).contains(method)) {
            scenario.endpoint = "(wrong method) " + template;
        }
        return scenario;
    }

    /** A request whose request line is sent as written (malformed on purpose). */
    static Scenario raw(String id, String requestLine) {
        Scenario scenario = new Scenario(id);
        scenario.rawRequestLine = requestLine;
        scenario.method = requestLine.split(" ", 2)[0];
        scenario.endpoint = "(malformed request)";
        return scenario;
    }

    Scenario endpoint(String name) {
        this.endpoint = name;
        return this;
    }

    Scenario header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** Sends this {@code Host} header instead of the API's own address (e.g. a DNS-rebound name). */
    Scenario host(String value) {
        this.hostHeader = value;
        return this;
    }

    Scenario json(String body) {
        return body("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    Scenario body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.body = bytes;
        return this;
    }

    Scenario chunked() {
        this.chunked = true;
        return this;
    }

    /** Declares the Content-Length of the body without sending the body (a client announcing too much). */
    Scenario declaredOnly() {
        this.omitContentLength = true;
        return this;
    }

    Scenario expect(int status) {
        this.expectedStatus = status;
        if (status == 307 || status >= 400) {
            this.bodyKind = status == 307 ? BodyKind.NONE : BodyKind.JSON;
        }
        return this;
    }

    /** The value at a JSON pointer that the contract fixes (checked on all five, beyond their agreement). */
    Scenario expectJson(String pointer, Object value) {
        expectedJson.put(pointer, value);
        return this;
    }

    Scenario expectError(String error) {
        return expectJson("/error", error);
    }

    Scenario expectHeader(String name, String value) {
        expectedHeaders.put(name, value);
        return this;
    }

    Scenario expectNoHeader(String name) {
        absentHeaders.add(name);
        return this;
    }

    /**
     * JSON pointers (a {@code *} matches any one key or index) whose values are live measurements of a backend
     * (connected clients, memory, counters): their type is compared, not their value.
     */
    Scenario live(String... pointers) {
        liveValues.addAll(List.of(pointers));
        return this;
    }

    Scenario bodyKind(BodyKind kind) {
        this.bodyKind = kind;
        return this;
    }

    /**
     * Spends a rate limit of {@code count} first: sends the same request (each must be 2xx) at least {@code count}
     * times and until an answer says {@code X-RateLimit-Remaining: 0} with 2 s or more left in its window (at most
     * three times {@code count}, so a loaded machine that crosses into a new window spends that one too), then
     * compares the next one.
     */
    Scenario after(int count) {
        this.warmUpRequests = count;
        return this;
    }

    /** Sent from a client address no other scenario uses, so per-IP rate limits start fresh. */
    Scenario freshClient() {
        this.freshClient = true;
        return this;
    }

    /** Repeats the request for up to {@code seconds} until it gets the expected status (recovery after an outage). */
    Scenario retryFor(int seconds) {
        this.retryForSeconds = seconds;
        return this;
    }

    Scenario verify(BackendCheck check) {
        this.backendCheck = check;
        return this;
    }

    /** Runs once before the request is sent to the five (e.g. stop a backend). */
    Scenario before(Runnable action) {
        this.before = action;
        return this;
    }

    /** The request head for one API, {@value #UNIQUE} replaced. */
    String head(String host, String unique) {
        StringBuilder head = new StringBuilder();
        if (rawRequestLine != null) {
            head.append(rawRequestLine);
        } else {
            head.append(method)
                    .append(' ')
                    .append(target.replace(UNIQUE, unique))
                    .append(" HTTP/1.1");
        }
        head.append("\r\nHost: ").append(hostHeader != null ? hostHeader : host);
        for (Map.Entry<String, String> header : headers) {
            head.append("\r\n")
                    .append(header.getKey())
                    .append(": ")
                    .append(header.getValue().replace(UNIQUE, unique));
        }
        if (chunked) {
            head.append("\r\nTransfer-Encoding: chunked");
        } else if (body.length > 0) {
            head.append("\r\nContent-Length: ").append(omitContentLength ? body.length : body(unique).length);
        }
        return head.toString();
    }

    byte[] body(String unique) {
        if (omitContentLength) {
            return new byte[0];
        }
        if (body.length > 64 * 1024) {
            return body; // large bodies carry no placeholder
        }
        return new String(body, StandardCharsets.UTF_8).replace(UNIQUE, unique).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return id;
    }
}
