package io.devstack.infra.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Compose Specification's JSON schema (vendored: {@code compose-spec.json}, source and licence in
 * {@code compose-spec.SOURCE.md}), checked in Java so that validating a generated project needs no system package.
 */
final class ComposeSchema {

    private static final Schema SCHEMA = load();

    private ComposeSchema() {}

    /** The schema violations of a compose file (YAML text), one line each; empty when it conforms. */
    static List<String> violations(String composeYaml) {
        return SCHEMA.validate(composeYaml, InputFormat.YAML).stream()
                .map(Object::toString)
                .toList();
    }

    private static Schema load() {
        try (InputStream in = ComposeSchema.class.getResourceAsStream("compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec.json is missing from the test resources");
            }
            JsonNode schema = new ObjectMapper().readTree(in);
            dropIdAnnotations(schema);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(schema.toString(), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file declares draft 2019-09 but still carries draft-04 {@code "id": "#/properties/..."} labels, which a
     * 2019-09 validator refuses as unknown keywords; they only name the subschema they sit in, so they are removed.
     */
    private static void dropIdAnnotations(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isTextual()) {
            object.remove("id");
        }
        node.forEach(ComposeSchema::dropIdAnnotations);
    }
}
