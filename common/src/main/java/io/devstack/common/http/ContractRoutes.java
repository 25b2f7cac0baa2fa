package io.devstack.common.http;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract's route table (method + template, templates in OpenAPI syntax). It gives the {@code uri}
 * metric label and the log's {@code route} from a raw path, identically in the five APIs whatever their
 * own template syntax, and decides 404 vs 405 + Allow.
 */
public final class ContractRoutes {

    /** The {@code uri}/{@code route} label of any path that matches no contract route. */
    public static final String UNKNOWN = "UNKNOWN";

    /** One (method, template) pair of the contract. */
    public record Route(String method, String template) {}

    /** A template split once into its segments: matching runs on every request, so nothing is split there. */
    private record Shape(String template, List<String> parts, int variables) {
        static Shape of(String template) {
            return new Shape(template, split(template), (int)
                    template.chars().filter(c -> c == '{').count());
        }

        boolean matches(List<String> segments) {
            if (parts.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                boolean variable = part.startsWith("{") && part.endsWith("}");
                if (variable ? segments.get(i).isEmpty() : !part.equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Every route of docs/api-contract.md, in the order it lists them (plus the Swagger UI assets under /docs). */
    public static final List<Route> ALL = List.of(
            new Route("GET", "/"),
            new Route("GET", "/openapi.json"),
            new Route("GET", "/docs"),
            new Route("GET", "/docs/{asset}"),
            new Route("GET", "/metrics"),
            new Route("GET", "/health"),
            new Route("GET", "/health/"),
            new Route("GET", "/health/vault"),
            new Route("GET", "/health/postgres"),
            new Route("GET", "/health/mysql"),
            new Route("GET", "/health/mongodb"),
            new Route("GET", "/health/redis"),
            new Route("GET", "/health/rabbitmq"),
            new Route("GET", "/health/all"),
            new Route("GET", "/redis/cluster/nodes"),
            new Route("GET", "/redis/cluster/slots"),
            new Route("GET", "/redis/cluster/info"),
            new Route("GET", "/redis/nodes/{node_name}/info"),
            new Route("GET", "/examples/vault/secret/{service_name}"),
            new Route("GET", "/examples/vault/secret/{service_name}/{key}"),
            new Route("GET", "/examples/database/postgres/query"),
            new Route("GET", "/examples/database/mysql/query"),
            new Route("GET", "/examples/database/mongodb/query"),
            new Route("GET", "/examples/cache/{key}"),
            new Route("POST", "/examples/cache/{key}"),
            new Route("DELETE", "/examples/cache/{key}"),
            new Route("POST", "/examples/messaging/publish"),
            new Route("GET", "/examples/messaging/queue/{queue_name}/info"));

    private static final List<Shape> SHAPES =
            templates().stream().map(Shape::of).toList();
    private static final Map<String, Set<String>> METHODS = methodsByTemplate();

    private ContractRoutes() {}

    /** The template {@code path} (query string ignored) belongs to, or {@link #UNKNOWN}. */
    public static String template(String path) {
        String bare = stripQuery(path);
        if (!bare.startsWith("/")) {
            return UNKNOWN;
        }
        List<String> segments = split(bare);
        // a literal template wins over a variable one of the same shape (none overlap today; keeps it so)
        Shape best = null;
        for (Shape shape : SHAPES) {
            if (shape.matches(segments) && (best == null || shape.variables() < best.variables())) {
                best = shape;
            }
        }
        return best == null ? UNKNOWN : best.template();
    }

    /** The methods the contract serves on {@code path}, sorted; empty when the path is unknown (→ 404). */
    public static Set<String> allowedMethods(String path) {
        return methodsOf(template(path));
    }

    /** The methods the contract serves on a template from {@link #template}, sorted; empty for {@link #UNKNOWN}. */
    public static Set<String> methodsOf(String template) {
        return METHODS.getOrDefault(template, Set.of());
    }

    /** The route serving {@code method path}, if the contract has one. */
    public static Optional<Route> find(String method, String path) {
        String template = template(path);
        return ALL.stream()
                .filter(r -> r.template().equals(template) && r.method().equals(method))
                .findFirst();
    }

    /** Every distinct template, in table order. */
    private static Set<String> templates() {
        Set<String> templates = new LinkedHashSet<>();
        ALL.forEach(r -> templates.add(r.template()));
        return templates;
    }

    static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static Map<String, Set<String>> methodsByTemplate() {
        Map<String, Set<String>> methods = new HashMap<>();
        ALL.forEach(
                r -> methods.computeIfAbsent(r.template(), t -> new TreeSet<>()).add(r.method()));
        methods.replaceAll((template, set) -> Collections.unmodifiableSet(set));
        return Map.copyOf(methods);
    }

    /**
     * "/a/b/" → ["a","b",""] (paths start with "/"): a trailing slash is a segment of its own, so /health and /health/
     * differ.
     */
    private static List<String> split(String path) {
        return List.of(path.substring(1).split("/", -1));
    }
}
