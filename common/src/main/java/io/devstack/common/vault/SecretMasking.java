package io.devstack.common.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The masking rule of docs/api-contract.md: a field whose name contains {@code password}, {@code token} or
 * {@code secret} (case-insensitive) has its value, whatever its type, replaced by {@code "***"}, at any depth.
 * Every other value keeps its JSON type (a boolean stays a boolean). Works on plain Java values (Map/List/scalars,
 * as spring-vault returns them) and on Jackson trees. Inputs are never modified.
 */
public final class SecretMasking {

    public static final String MASK = "***";
    private static final List<String> SENSITIVE = List.of("password", "token", "secret");

    private SecretMasking() {}

    public static boolean isSensitive(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        return SENSITIVE.stream().anyMatch(lower::contains);
    }

    /** The value of field {@code fieldName}, masked if the name is sensitive, else masked inside. */
    public static Object maskField(String fieldName, Object value) {
        return isSensitive(fieldName) ? MASK : mask(value);
    }

    /** A masked copy of a plain Java JSON value (maps keep their key order). */
    public static Object mask(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> masked = new LinkedHashMap<>();
            map.forEach((k, v) -> masked.put(String.valueOf(k), maskField(String.valueOf(k), v)));
            return masked;
        }
        if (value instanceof List<?> list) {
            List<Object> masked = new ArrayList<>(list.size());
            list.forEach(item -> masked.add(mask(item)));
            return masked;
        }
        if (value instanceof JsonNode node) {
            return mask(node);
        }
        return value;
    }

    /** A masked copy of a Jackson tree. */
    public static JsonNode mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode masked = ((ObjectNode) node).objectNode();
            node.properties()
                    .forEach(e -> masked.set(
                            e.getKey(), isSensitive(e.getKey()) ? TextNode.valueOf(MASK) : mask(e.getValue())));
            return masked;
        }
        if (node.isArray()) {
            ArrayNode masked = ((ArrayNode) node).arrayNode();
            node.forEach(item -> masked.add(mask(item)));
            return masked;
        }
        return node;
    }
}
