package io.devstack.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.devstack.common.docs.OpenApiDocument;
import io.devstack.common.http.ContractRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON response against the schema {@code common}'s openapi.json gives for its route, method and status
 * (JSON Schema 2020-12, which OpenAPI 3.1 schemas are). Responses outside any documented operation (unknown routes,
 * wrong methods, early rejections) must still be the documented error envelope.
 */
final class OpenApiValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiValidator() {
        try {
            document = MAPPER.readTree(OpenApiDocument.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of {@code body} (empty when it conforms), or one line saying no schema applies. */
    List<String> validate(String method, String path, int status, String body) {
        JsonNode schema = responseSchema(method, path, status);
        if (schema == null) {
            return List.of("openapi.json documents no JSON response for " + method + " " + ContractRoutes.template(path)
                    + " " + status);
        }
        Schema compiled = schemas.computeIfAbsent(schema.toString(), key -> compile(schema));
        return compiled.validate(body, InputFormat.JSON).stream()
                .map(error -> "openapi: " + error.toString())
                .toList();
    }

    private JsonNode responseSchema(String method, String path, int status) {
        String template = ContractRoutes.template(path);
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            response = pointer(response.get("$ref").asText());
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            return schema;
        }
        if (status >= 400 && (operation.isMissingNode() || response.isMissingNode())) {
            return MAPPER.createObjectNode()
                    .put(
                            "$ref",
                            status == 422
                                    ? "#/components/schemas/ValidationErrorEnvelope"
                                    : "#/components/schemas/ErrorEnvelope");
        }
        return null;
    }

    private JsonNode pointer(String ref) {
        return document.at(ref.substring(1));
    }

    /** The target schema as the root of a document that also holds the components its $refs point into. */
    private Schema compile(JsonNode target) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        root.putObject("$defs").set("target", target);
        root.put("$ref", "#/$defs/target");
        return registry.getSchema(root.toString(), InputFormat.JSON);
    }
}
