package io.devstack.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devstack.common.docs.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The operations of {@code common}'s openapi.json as the property test needs them: parameters, body, statuses. */
final class ContractOperations {

    /** One parameter, its {@code $ref} resolved. */
    record Param(String name, String in, boolean required, JsonNode schema) {}

    /**
     * One documented operation.
     *
     * @param bodySchema the {@code application/json} request body schema, {@code null} when the operation takes none
     * @param requiredFromQueryOrBody names a query parameter or a body field must give
     * (x-devstack-required-from-query-or-body)
     */
    record Operation(
            String method,
            String template,
            List<Param> params,
            JsonNode bodySchema,
            boolean bodyRequired,
            Set<Integer> statuses,
            Set<String> requiredFromQueryOrBody) {

        String id() {
            return method + " " + template;
        }

        List<Param> in(String location) {
            return params.stream().filter(p -> p.in().equals(location)).toList();
        }
    }

    private static final Set<String> METHODS = Set.of("get", "post", "delete", "put", "patch");

    private ContractOperations() {}

    static JsonNode document() {
        try {
            return new ObjectMapper().readTree(OpenApiDocument.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation, in document order. */
    static List<Operation> all(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (!METHODS.contains(entry.getKey())) {
                        return;
                    }
                    JsonNode op = entry.getValue();
                    List<Param> params = new ArrayList<>();
                    op.path("parameters").forEach(p -> {
                        JsonNode param = resolve(doc, p);
                        params.add(new Param(
                                param.path("name").asText(),
                                param.path("in").asText(),
                                param.path("required").asBoolean(false),
                                resolve(doc, param.path("schema"))));
                    });
                    JsonNode body = op.path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    Set<Integer> statuses = new TreeSet<>();
                    op.path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
                    Set<String> eitherOr = new TreeSet<>();
                    op.path("x-devstack-required-from-query-or-body").forEach(name -> eitherOr.add(name.asText()));
                    operations.add(new Operation(
                            entry.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            List.copyOf(params),
                            body.isMissingNode() ? null : resolve(doc, body),
                            op.path("requestBody").path("required").asBoolean(false),
                            statuses,
                            eitherOr));
                }));
        return operations;
    }

    /** {@code node}, or what its {@code $ref} points to in {@code doc}. */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }
}
