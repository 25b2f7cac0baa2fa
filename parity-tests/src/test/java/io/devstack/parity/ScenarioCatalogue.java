package io.devstack.parity;

import static io.devstack.parity.Scenario.UNIQUE;
import static io.devstack.parity.Scenario.of;

import io.devstack.testsupport.NativeStack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * THE catalogue: every endpoint of docs/api-contract.md with its success paths, every validation rule at and beyond its
 * bounds,
 * unknown routes, wrong methods, CORS, request ids, rate limits and a backend outage. Run in this order against all
 * five APIs; later scenarios may rely on earlier ones (a key set, then read, then deleted).
 */
final class ScenarioCatalogue {

    static final String ALLOWED_ORIGIN = "http://localhost:3000";
    static final String REFUSED_ORIGIN = "http://evil.example";
    private static final String KEY = "parity-" + UNIQUE + "-key";
    private static final String QUEUE = "parity-" + UNIQUE + "-queue";
    private static final String WRONG_TYPE_KEY = "parity-wrong-type";
    private static final String REFUSED_KEY = "parity-" + UNIQUE + "-refused";
    private static final int MIB_10 = 10 * 1024 * 1024;

    private ScenarioCatalogue() {}

    static List<Scenario> all(NativeStack stack, BackendProbes probes) {
        List<Scenario> all = new ArrayList<>();
        serviceInfo(all);
        health(all);
        redisCluster(all);
        vault(all);
        databases(all);
        cache(all, probes);
        messaging(all, probes);
        routing(all);
        cors(all);
        exposure(all, probes);
        boundedInput(all);
        requestIds(all);
        rateLimits(all);
        outage(all, stack);
        return all;
    }

    private static void serviceInfo(List<Scenario> all) {
        all.add(of("service info", "GET", "/")
                .expect(200)
                .expectJson("/name", "DevStack Core Reference API")
                .expectHeader("X-RateLimit-Limit", "100"));
        all.add(of("openapi document", "GET", "/openapi.json").expect(200).expectJson("/openapi", "3.1.0"));
        all.add(of("swagger ui page", "GET", "/docs").expect(200).bodyKind(Scenario.BodyKind.EXACT));
        all.add(of("swagger ui css", "GET", "/docs/swagger-ui.css").expect(200).bodyKind(Scenario.BodyKind.EXACT));
        all.add(of("swagger ui bundle", "GET", "/docs/swagger-ui-bundle.js")
                .expect(200)
                .bodyKind(Scenario.BodyKind.EXACT));
        all.add(of("swagger ui favicon", "GET", "/docs/favicon-32x32.png")
                .expect(200)
                .bodyKind(Scenario.BodyKind.EXACT));
        all.add(of("swagger ui unknown asset", "GET", "/docs/nope.js")
                .expect(404)
                .expectError("NotFound"));
        all.add(of("metrics", "GET", "/metrics")
                .expect(200)
                .bodyKind(Scenario.BodyKind.METRICS)
                .expectHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8"));
    }

    private static void health(List<Scenario> all) {
        all.add(of("health redirect", "GET", "/health").expect(307).expectHeader("Location", "/health/"));
        all.add(of("health redirect keeps no query", "GET", "/health?x=1")
                .expect(307)
                .expectHeader("Location", "/health/"));
        all.add(of("liveness", "GET", "/health/").expect(200).expectJson("/status", "ok"));
        all.add(of("vault health", "GET", "/health/vault").expect(200).expectJson("/status", "healthy"));
        for (String backend : List.of("postgres", "mysql", "mongodb", "rabbitmq")) {
            all.add(of(backend + " health", "GET", "/health/" + backend)
                    .expect(200)
                    .expectJson("/status", "healthy"));
        }
        all.add(of("redis health", "GET", "/health/redis")
                .expect(200)
                .expectJson("/status", "healthy")
                .live("/nodes/*/connected_clients", "/nodes/*/used_memory_human"));
        all.add(of("all health, fresh", "GET", "/health/all")
                .header("Cache-Control", "no-cache")
                .expect(200)
                .expectJson("/status", "healthy")
                .expectHeader("X-Cache", "MISS")
                .live("/services/redis/nodes/*/connected_clients", "/services/redis/nodes/*/used_memory_human"));
        all.add(of("all health, cached", "GET", "/health/all")
                .expect(200)
                .expectHeader("X-Cache", "HIT")
                .live("/services/redis/nodes/*/connected_clients", "/services/redis/nodes/*/used_memory_human"));
    }

    private static void redisCluster(List<Scenario> all) {
        all.add(of("cluster nodes", "GET", "/redis/cluster/nodes")
                .expect(200)
                .expectJson("/total_nodes", 3)
                .live("/nodes/*/ping_sent", "/nodes/*/pong_recv"));
        all.add(of("cluster slots", "GET", "/redis/cluster/slots").expect(200).expectJson("/total_slots", 16384));
        all.add(of("cluster info", "GET", "/redis/cluster/info")
                .expect(200)
                .expectJson("/cluster_info/cluster_state", "ok")
                .live("/cluster_info/cluster_stats_*"));
        all.add(of("node info", "GET", "/redis/nodes/redis-1/info")
                .expect(200)
                .expectJson("/node", "redis-1")
                .live("/info/*"));
        all.add(of("node info, unknown node", "GET", "/redis/nodes/redis-9/info")
                .expect(404)
                .expectError("ResourceNotFound")
                .expectJson("/details/resource_id", "redis-9"));
    }

    private static void vault(List<Scenario> all) {
        String base = "/examples/vault/secret/";
        all.add(of("secret, masked", "GET", base + "postgres").expect(200).expectJson("/data/password", "***"));
        all.add(of("secret key", "GET", base + "postgres/user").expect(200).expectJson("/key", "user"));
        all.add(of("secret key, masked", "GET", base + "postgres/password")
                .expect(200)
                .expectJson("/value", "***"));
        all.add(of("secret key, boolean kept", "GET", base + "postgres/tls_enabled")
                .expect(200));
        // the APIs' Vault policy grants named paths only: an absent secret elsewhere is a policy refusal
        all.add(of("secret outside the policy", "GET", base + "parity-absent")
                .expect(403)
                .expectError("PermissionDenied"));
        all.add(of("secret key absent", "GET", base + "postgres/absent")
                .expect(404)
                .expectError("ResourceNotFound"));
        all.add(of("secret denied by policy", "GET", base + "forgejo")
                .expect(403)
                .expectError("PermissionDenied")
                .expectJson("/details/service", "vault"));
        all.add(of("service_name 50 chars (bound)", "GET", base + "s".repeat(50))
                .expect(403));
        all.add(of("service_name 51 chars", "GET", base + "s".repeat(51))
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "string_too_long"));
        all.add(of("service_name pattern", "GET", base + "bad.name")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "string_pattern_mismatch"));
        all.add(of("service_name percent-encoded space", "GET", base + "bad%20name")
                .expect(422)
                .expectJson("/details/validation_errors/0/input", "bad name"));
        all.add(of("vault key 100 chars (bound)", "GET", base + "postgres/" + "k".repeat(100))
                .expect(404));
        all.add(of("vault key 101 chars", "GET", base + "postgres/" + "k".repeat(101))
                .expect(422)
                .expectJson("/details/validation_errors/0/loc/1", "key"));
        all.add(of("both path parameters invalid", "GET", base + "bad.name/bad.key")
                .expect(422)
                .expectJson("/details/validation_errors/1/loc/1", "key"));
    }

    private static void databases(List<Scenario> all) {
        all.add(of("postgres query", "GET", "/examples/database/postgres/query")
                .expect(200)
                .expectJson("/database", "PostgreSQL"));
        all.add(of("mysql query", "GET", "/examples/database/mysql/query")
                .expect(200)
                .expectJson("/database", "MySQL"));
        all.add(of("mongodb query", "GET", "/examples/database/mongodb/query")
                .expect(200)
                .expectJson("/database", "MongoDB"));
    }

    private static void cache(List<Scenario> all, BackendProbes probes) {
        String key = "/examples/cache/" + KEY;
        all.add(of("get absent key", "GET", key)
                .expect(200)
                .expectJson("/exists", false)
                .expectJson("/ttl", null));
        all.add(of("set from query with ttl", "POST", key + "?value=hello&ttl=60")
                .expect(200)
                .expectJson("/ttl", 60)
                .expectJson("/action", "set")
                .verify((u, r) -> probes.redisHolds(real(KEY, u), "hello", 1, 60)));
        all.add(of("get key with ttl", "GET", key)
                .expect(200)
                .expectJson("/value", "hello")
                .live("/ttl"));
        all.add(of("set from JSON body", "POST", key)
                .json("{\"value\":\"from body ü\",\"ttl\":3600}")
                .expect(200)
                .verify((u, r) -> probes.redisHolds(real(KEY, u), "from body ü", 3590, 3600)));
        all.add(of("set with charset parameter", "POST", key)
                .body("application/json; charset=utf-8", utf8("{\"value\":\"x\",\"ttl\":86400}"))
                .expect(200)
                .expectJson("/ttl", 86400));
        all.add(of("set without ttl (no expiry)", "POST", key + "?value=forever")
                .expect(200)
                .expectJson("/ttl", null)
                .verify((u, r) -> probes.redisHolds(real(KEY, u), "forever", -1, -1)));
        all.add(of("get key without expiry", "GET", key)
                .expect(200)
                .expectJson("/ttl", null)
                .expectJson("/exists", true));
        all.add(of("query wins over body", "POST", key + "?value=q")
                .json("{\"value\":\"b\",\"ttl\":5}")
                .expect(200));
        all.add(of("empty value (bound)", "POST", key + "?value=").expect(200).expectJson("/value", ""));
        all.add(of("value 10000 chars (bound)", "POST", key + "?value=" + "v".repeat(10_000))
                .expect(200));
        all.add(of("value 10001 chars", "POST", key + "?value=" + "v".repeat(10_001))
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "string_too_long"));
        all.add(of("value missing", "POST", key)
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "missing"));
        all.add(of("value not a string in body", "POST", key)
                .json("{\"value\":5}")
                .expect(422));
        all.add(of("ttl 0", "POST", key + "?value=a&ttl=0")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "greater_than_equal"));
        all.add(of("ttl 1 (bound)", "POST", key + "?value=a&ttl=1").expect(200));
        all.add(of("ttl 86401", "POST", key + "?value=a&ttl=86401")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "less_than_equal"));
        all.add(of("ttl not an integer", "POST", key + "?value=a&ttl=abc")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "int_parsing"));
        // a query that cannot be percent-decoded is a malformed request, whatever the parameter
        all.add(of("ttl bad percent-encoding", "POST", key + "?value=a&ttl=%zz")
                .expect(400)
                .expectJson("/message", "Malformed request"));
        all.add(of("ttl bad percent-encoding, allowed origin", "POST", key + "?value=a&ttl=%zz")
                .header("Origin", ALLOWED_ORIGIN)
                .expect(400)
                .expectNoHeader("Access-Control-Allow-Origin"));
        all.add(of("ttl in body out of range", "POST", key)
                .json("{\"value\":\"a\",\"ttl\":-1}")
                .expect(422));
        all.add(of("invalid JSON body", "POST", key)
                .json("{\"value\":")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "json_invalid"));
        all.add(of("JSON array body", "POST", key)
                .json("[1,2]")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "dict_type"));
        all.add(of("text/plain body", "POST", key)
                .body("text/plain", utf8("value=a"))
                .expect(415)
                .expectError("UnsupportedMediaType"));
        all.add(of("body without content type", "POST", key)
                .body(null, utf8("{\"value\":\"a\"}"))
                .expect(415));
        all.add(of("every error at once", "POST", "/examples/cache/bad%20key?ttl=0")
                .json("[]")
                .expect(422)
                .expectJson("/details/validation_errors/0/loc/0", "path")
                .expectJson("/details/validation_errors/1/loc/0", "query"));
        all.add(of("key 200 chars (bound)", "GET", "/examples/cache/" + "k".repeat(200))
                .expect(200));
        all.add(of("key 201 chars", "GET", "/examples/cache/" + "k".repeat(201)).expect(422));
        all.add(of("key with : and .", "GET", "/examples/cache/user:42.name").expect(200));
        all.add(of("key pattern", "DELETE", "/examples/cache/bad!key")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "string_pattern_mismatch"));
        all.add(of("body over 10 MiB (declared)", "POST", key)
                .body("application/json", new byte[MIB_10 + 1])
                .declaredOnly()
                .expect(413)
                .expectError("PayloadTooLarge"));
        all.add(of("body over 10 MiB (chunked)", "POST", key)
                .body("application/json", bigJson(MIB_10 + 1))
                .chunked()
                .expect(413)
                .expectError("PayloadTooLarge"));
        all.add(of("value 10000 chars in body (bound)", "POST", key)
                .json("{\"value\":\"" + "v".repeat(10_000) + "\"}")
                .expect(200));
        all.add(of("value 10001 chars in body", "POST", key)
                .json("{\"value\":\"" + "v".repeat(10_001) + "\"}")
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "string_too_long"));
        all.add(of("set again before delete", "POST", key + "?value=bye").expect(200));
        all.add(of("delete key", "DELETE", key)
                .expect(200)
                .expectJson("/deleted", true)
                .verify((u, r) -> probes.redisAbsent(real(KEY, u))));
        all.add(of("delete absent key", "DELETE", key).expect(200).expectJson("/deleted", false));
        // a key of another type: Redis refuses the GET (WRONGTYPE); that is this request's 503, never the breaker's
        String hash = "/examples/cache/" + WRONG_TYPE_KEY;
        for (int i = 1; i <= 6; i++) {
            Scenario refused = of("GET on a Redis hash (" + i + " of 6)", "GET", hash)
                    .expect(503)
                    .expectError("ServiceUnavailable")
                    .expectJson("/details/reason", "request_refused");
            all.add(i == 1 ? refused.before(() -> probes.redis().hset(WRONG_TYPE_KEY, "field", "value")) : refused);
        }
        all.add(of("cache served after six refusals", "GET", key).expect(200).expectJson("/exists", false));
    }

    /**
     * Six publishes the broker refuses ({@code 503 request_refused}), {@code fill} run before the first: six, so that
     * counted against the breaker they would open it, which the scenario after them shows they did not.
     */
    private static void refusedSixTimes(List<Scenario> all, String name, String target, String json, Runnable fill) {
        for (int i = 1; i <= 6; i++) {
            Scenario refused = of(name + " (" + i + " of 6)", "POST", target)
                    .json(json)
                    .expect(503)
                    .expectError("ServiceUnavailable")
                    .expectJson("/details/service", "rabbitmq")
                    .expectJson("/details/reason", "request_refused");
            all.add(i == 1 ? refused.before(fill) : refused);
        }
    }

    private static void messaging(List<Scenario> all, BackendProbes probes) {
        String publish = "/examples/messaging/publish?queue_name=" + QUEUE;
        String info = "/examples/messaging/queue/" + QUEUE + "/info";
        all.add(of("queue info, absent queue", "GET", info)
                .expect(200)
                .expectJson("/exists", false)
                .expectJson("/message_count", null));
        all.add(of("publish", "POST", publish)
                .json("{\"event\":\"parity\",\"n\":1,\"nested\":{\"ok\":true}}")
                .expect(200)
                .expectJson("/action", "published"));
        all.add(of("queue info after publish", "GET", info)
                .expect(200)
                .expectJson("/exists", true)
                .expectJson("/message_count", 1)
                .expectJson("/consumer_count", 0)
                .verify((u, r) ->
                        probes.amqpHolds(real(QUEUE, u), "{\"event\":\"parity\",\"n\":1,\"nested\":{\"ok\":true}}")));
        String exactly = messageOfSize(1_000_000);
        all.add(of("message 1,000,000 bytes (bound)", "POST", publish)
                .json(exactly)
                .expect(200)
                .verify((u, r) -> probes.amqpHolds(real(QUEUE, u), exactly)));
        // one queue for all five, filled to the broker's depth limit first: the refusal is that request's 503 alone
        String full = "parity-full-" + ProcessHandle.current().pid();
        refusedSixTimes(
                all,
                "publish to a full queue",
                "/examples/messaging/publish?queue_name=" + full,
                exactly,
                () -> probes.fillQueue(full, exactly.getBytes(StandardCharsets.UTF_8)));
        all.add(of("publish served after six refusals", "POST", publish)
                .json("{\"after\":\"full\"}")
                .expect(200)
                .verify((u, r) -> probes.amqpHolds(real(QUEUE, u), "{\"after\":\"full\"}")));
        // the broker's queue-count limit: with the virtual host full, a new queue is that request's 503 alone
        String fresh = "/examples/messaging/publish?queue_name=" + QUEUE + "-new";
        refusedSixTimes(
                all,
                "publish to a new queue, virtual host full",
                fresh,
                "{\"new\":true}",
                () -> probes.fillVirtualHost(
                        "parity-fill-" + ProcessHandle.current().pid() + "-"));
        all.add(of("publish to an existing queue, virtual host full", "POST", publish)
                .json("{\"existing\":true}")
                .expect(200)
                .verify((u, r) -> probes.amqpHolds(real(QUEUE, u), "{\"existing\":true}")));
        all.add(of("publish to a new queue once queues are freed", "POST", fresh)
                .before(probes::releaseVirtualHost)
                .json("{\"new\":true}")
                .expect(200)
                .verify((u, r) -> probes.amqpHolds(real(QUEUE, u) + "-new", "{\"new\":true}")));
        all.add(of("message 1,000,001 bytes", "POST", publish)
                .json(messageOfSize(1_000_001))
                .expect(413)
                .expectError("PayloadTooLarge"));
        all.add(of("body exactly 10 MiB", "POST", publish)
                .body("application/json", bigJson(MIB_10))
                .expect(413));
        all.add(of("body over 10 MiB (declared)", "POST", publish)
                .body("application/json", new byte[MIB_10 + 1])
                .declaredOnly()
                .expect(413)
                .expectError("PayloadTooLarge"));
        all.add(of("body over 10 MiB (chunked)", "POST", publish)
                .body("application/json", bigJson(MIB_10 + 1))
                .chunked()
                .expect(413)
                .expectError("PayloadTooLarge"));
        all.add(of("empty message", "POST", publish)
                .json("{}")
                .expect(400)
                .expectError("BadRequest")
                .expectJson("/message", "Message cannot be empty"));
        all.add(of("no body", "POST", publish).expect(422).expectJson("/details/validation_errors/0/type", "missing"));
        all.add(of("array message", "POST", publish).json("[1]").expect(422));
        all.add(of("invalid JSON message", "POST", publish).json("{oops").expect(422));
        all.add(of("text/plain message", "POST", publish)
                .body("text/plain", utf8("hi"))
                .expect(415));
        all.add(of("queue_name missing", "POST", "/examples/messaging/publish")
                .json("{\"a\":1}")
                .expect(422)
                .expectJson("/details/validation_errors/0/loc/1", "queue_name"));
        all.add(of("queue_name 101 chars", "POST", "/examples/messaging/publish?queue_name=" + "q".repeat(101))
                .json("{\"a\":1}")
                .expect(422));
        all.add(of("queue_name pattern", "POST", "/examples/messaging/publish?queue_name=a/b")
                .json("{\"a\":1}")
                .expect(422));
        all.add(of("queue_name and body invalid", "POST", "/examples/messaging/publish?queue_name=a!")
                .json("[]")
                .expect(422)
                .expectJson("/details/validation_errors/1/loc/0", "body"));
        all.add(of(
                        "queue info, name 100 chars (bound)",
                        "GET",
                        "/examples/messaging/queue/" + "q".repeat(100) + "/info")
                .expect(200)
                .expectJson("/exists", false));
        all.add(of("queue info, name 101 chars", "GET", "/examples/messaging/queue/" + "q".repeat(101) + "/info")
                .expect(422));
        all.add(of("queue info, name pattern", "GET", "/examples/messaging/queue/a:b/info")
                .expect(422));
    }

    private static void routing(List<Scenario> all) {
        all.add(of("unknown route", "GET", "/nope").expect(404).expectError("NotFound"));
        all.add(of("unknown nested route", "GET", "/health/unknown").expect(404).expectError("NotFound"));
        all.add(of("route prefix only", "GET", "/examples/cache").expect(404));
        all.add(of("trailing slash is another route", "GET", "/health/all/").expect(404));
        all.add(of("unknown route, POST with body", "POST", "/nope").json("{}").expect(404));
        all.add(of("POST on a GET route", "POST", "/")
                .expect(405)
                .expectError("MethodNotAllowed")
                .expectHeader("Allow", "GET"));
        all.add(of("PUT on the cache route", "PUT", "/examples/cache/k")
                .json("{}")
                .expect(405));
        all.add(of("PATCH on the cache route", "PATCH", "/examples/cache/k").expect(405));
        all.add(of("DELETE on health", "DELETE", "/health/all").expect(405));
        all.add(of("GET on publish", "GET", "/examples/messaging/publish")
                .expect(405)
                .expectHeader("Allow", "POST"));
        all.add(of("HEAD is not a contract method", "HEAD", "/health/")
                .expect(405)
                .bodyKind(Scenario.BodyKind.NONE));
        all.add(of("plain OPTIONS", "OPTIONS", "/health/").expect(405));
        all.add(Scenario.raw("bad percent-encoding in path", "GET /examples/cache/%zz HTTP/1.1")
                .expect(400)
                .expectError("BadRequest"));
        all.add(Scenario.raw("bad percent-encoding in path, allowed origin", "GET /examples/cache/%zz HTTP/1.1")
                .header("Origin", ALLOWED_ORIGIN)
                .expect(400));
        all.add(Scenario.raw("space in the request target", "GET /health/ x HTTP/1.1")
                .expect(400));
    }

    private static void cors(List<Scenario> all) {
        all.add(of("preflight, allowed origin", "OPTIONS", "/examples/cache/k")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .expect(200)
                .bodyKind(Scenario.BodyKind.EXACT)
                .endpoint("CORS preflight")
                .expectHeader("Access-Control-Allow-Origin", ALLOWED_ORIGIN));
        all.add(of("preflight, refused origin", "OPTIONS", "/examples/cache/k")
                .header("Origin", REFUSED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .expect(200)
                .bodyKind(Scenario.BodyKind.EXACT)
                .endpoint("CORS preflight")
                .expectNoHeader("Access-Control-Allow-Origin"));
        all.add(of("preflight on an unknown path", "OPTIONS", "/nope")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .expect(200)
                .bodyKind(Scenario.BodyKind.EXACT)
                .endpoint("CORS preflight"));
        all.add(of("simple request, allowed origin", "GET", "/health/")
                .header("Origin", "http://127.0.0.1:8004")
                .expect(200)
                .expectHeader("Access-Control-Allow-Credentials", "true"));
        all.add(of("simple request, refused origin", "GET", "/health/")
                .header("Origin", REFUSED_ORIGIN)
                .expect(200)
                .expectNoHeader("Access-Control-Allow-Origin"));
        all.add(of("error, allowed origin", "GET", "/nope")
                .header("Origin", ALLOWED_ORIGIN)
                .expect(404)
                .expectHeader("Access-Control-Allow-Origin", ALLOWED_ORIGIN));
        all.add(of("validation error, allowed origin", "POST", "/examples/cache/k?ttl=0")
                .header("Origin", ALLOWED_ORIGIN)
                .expect(422)
                .expectHeader("Access-Control-Allow-Origin", ALLOWED_ORIGIN));
    }

    /** Host and Origin checks (HostPolicy): a DNS-rebound page or a foreign page's write never reaches a backend. */
    private static void exposure(List<Scenario> all, BackendProbes probes) {
        String refused = "/examples/cache/" + REFUSED_KEY + "?value=x";
        all.add(of("foreign Host", "GET", "/health/")
                .host("evil.example")
                .expect(403)
                .expectError("Forbidden")
                .expectJson("/details/reason", "host_not_allowed"));
        all.add(of("foreign Host with a port, write", "POST", refused)
                .host("rebound.example:8000")
                .expect(403)
                .expectError("Forbidden")
                .verify((u, r) -> probes.redisAbsent(real(REFUSED_KEY, u))));
        all.add(of("foreign Host, preflight", "OPTIONS", "/examples/cache/k")
                .host("evil.example")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .expect(403)
                .expectNoHeader("Access-Control-Allow-Origin"));
        all.add(of("Host localhost", "GET", "/health/").host("localhost").expect(200));
        all.add(of("Host [::1] with a port", "GET", "/health/")
                .host("[::1]:8000")
                .expect(200));
        all.add(of("write from a foreign origin", "POST", refused)
                .header("Origin", REFUSED_ORIGIN)
                .expect(403)
                .expectError("Forbidden")
                .expectJson("/details/reason", "origin_not_allowed")
                .expectNoHeader("Access-Control-Allow-Origin")
                .verify((u, r) -> probes.redisAbsent(real(REFUSED_KEY, u))));
        all.add(of("delete from a foreign origin", "DELETE", "/examples/cache/" + REFUSED_KEY)
                .header("Origin", REFUSED_ORIGIN)
                .expect(403)
                .expectError("Forbidden"));
        all.add(of("publish from a foreign origin", "POST", "/examples/messaging/publish?queue_name=" + REFUSED_KEY)
                .header("Origin", "null")
                .json("{\"a\":1}")
                .expect(403)
                .expectError("Forbidden"));
        all.add(of("read from a foreign origin", "GET", "/examples/cache/" + REFUSED_KEY)
                .header("Origin", REFUSED_ORIGIN)
                .expect(200)
                .expectJson("/exists", false)
                .expectNoHeader("Access-Control-Allow-Origin"));
        all.add(of("write from an allowed origin", "POST", refused)
                .header("Origin", ALLOWED_ORIGIN)
                .expect(200)
                .expectHeader("Access-Control-Allow-Origin", ALLOWED_ORIGIN));
        all.add(of("delete from an allowed origin", "DELETE", "/examples/cache/" + REFUSED_KEY)
                .header("Origin", ALLOWED_ORIGIN)
                .expect(200)
                .expectJson("/deleted", true));
    }

    /** Bodies and requests built to exhaust memory: refused while read, and no answer repeats them. */
    private static void boundedInput(List<Scenario> all) {
        String cache = "/examples/cache/" + KEY;
        String publish = "/examples/messaging/publish?queue_name=" + QUEUE;
        byte[] objects = utf8("[" + "{},".repeat(MIB_10 / 3 - 1) + "{}]"); // a tree of ~280 MB if parsed whole
        all.add(of("10 MiB of nested objects to publish", "POST", publish)
                .body("application/json", objects)
                .expect(413)
                .expectError("PayloadTooLarge"));
        all.add(of("10 MiB of nested objects to the cache", "POST", cache)
                .body("application/json", objects)
                .expect(413)
                .expectError("PayloadTooLarge"));
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        all.add(of("nesting 100,000 deep", "POST", publish)
                .json(deep)
                .expect(422)
                .expectJson("/details/validation_errors/0/type", "json_invalid")
                .expectJson("/details/validation_errors/0/input", "[".repeat(100)));
        all.add(of("long value echoed as a prefix", "POST", cache)
                .json("{\"value\":\"" + "v".repeat(10_001) + "\"}")
                .expect(422)
                .expectJson("/details/validation_errors/0/input", "v".repeat(100)));
        all.add(of("invalid 1 MB body echoed as a prefix", "POST", publish)
                .json("{\"a\":\"" + "x".repeat(1_000_000))
                .expect(422)
                .expectJson("/details/validation_errors/0/input", "{\"a\":\"" + "x".repeat(94)));
        all.add(of("101 query parameters", "GET", "/examples/cache/k?" + "p=1&".repeat(100) + "p=1")
                .expect(400)
                .expectError("BadRequest"));
        all.add(of("100 query parameters (bound)", "GET", "/examples/cache/k?" + "p=1&".repeat(99) + "p=1")
                .expect(200));
    }

    private static void requestIds(List<Scenario> all) {
        all.add(of("request id echoed", "GET", "/health/")
                .header("X-Request-ID", "abc-123_XYZ.9")
                .expect(200)
                .expectHeader("X-Request-ID", "abc-123_XYZ.9"));
        all.add(of("request id 128 chars echoed (bound)", "GET", "/health/")
                .header("X-Request-ID", "r".repeat(128))
                .expect(200)
                .expectHeader("X-Request-ID", "r".repeat(128)));
        all.add(of("request id 129 chars replaced", "GET", "/health/")
                .header("X-Request-ID", "r".repeat(129))
                .expect(200));
        all.add(of("request id with bad characters replaced", "GET", "/health/")
                .header("X-Request-ID", "bad id!")
                .expect(200));
        all.add(of("request id echoed on errors", "GET", "/nope")
                .header("X-Request-ID", "err-1")
                .expect(404)
                .expectJson("/request_id", "err-1"));
        all.add(of("request id generated on errors", "POST", "/examples/cache/k")
                .expect(422));
    }

    private static void rateLimits(List<Scenario> all) {
        all.add(of("101st request to / in a minute", "GET", "/")
                .after(100)
                .freshClient()
                .expect(429)
                .expectError("RateLimited")
                .live("/details/retry_after_seconds")
                .expectHeader("X-RateLimit-Limit", "100")
                .expectHeader("X-RateLimit-Remaining", "0"));
        all.add(of("1001st scrape of /metrics in a minute", "GET", "/metrics")
                .after(1000)
                .freshClient()
                .expect(429)
                .expectError("RateLimited")
                .live("/details/retry_after_seconds")
                .expectHeader("X-RateLimit-Limit", "1000")
                .expectHeader("X-RateLimit-Remaining", "0"));
    }

    private static void outage(List<Scenario> all, NativeStack stack) {
        all.add(of("postgres down: query", "GET", "/examples/database/postgres/query")
                .before(() -> stack.stopService("postgres"))
                .expect(503)
                .expectError("ServiceUnavailable")
                .expectJson("/details/service", "postgres"));
        all.add(of("postgres down: health", "GET", "/health/postgres")
                .expect(200)
                .expectJson("/status", "unhealthy"));
        all.add(of("postgres down: all health", "GET", "/health/all")
                .header("Cache-Control", "no-cache")
                .expect(200)
                .expectJson("/status", "degraded")
                .expectJson("/services/postgres/status", "unhealthy")
                .live("/services/redis/nodes/*/connected_clients", "/services/redis/nodes/*/used_memory_human"));
        all.add(of("postgres back: query recovers", "GET", "/examples/database/postgres/query")
                .before(() -> stack.startService("postgres"))
                .retryFor(90)
                .expect(200));
        all.add(of("postgres back: all health", "GET", "/health/all")
                .header("Cache-Control", "no-cache")
                .retryFor(30)
                .expect(200)
                .expectJson("/status", "healthy")
                .live("/services/redis/nodes/*/connected_clients", "/services/redis/nodes/*/used_memory_human"));
    }

    /** The scenario's name with the API's token, as the backend sees it. */
    static String real(String name, String unique) {
        return name.replace(UNIQUE, unique);
    }

    /** A JSON object serialising compactly to exactly {@code bytes} bytes. */
    static String messageOfSize(int bytes) {
        String prefix = "{\"data\":\"";
        String suffix = "\"}";
        return prefix + "m".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    private static byte[] bigJson(int bytes) {
        return utf8(messageOfSize(bytes));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
