package io.devstack.parity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Where two JSON trees differ: key order, key set, type or value, each reported at its JSON pointer. */
final class JsonDiff {

    /** One difference: the pointer, the expected and the actual text. */
    record Entry(String pointer, String expected, String actual) {}

    private JsonDiff() {}

    static List<Entry> diff(JsonNode expected, JsonNode actual) {
        List<Entry> entries = new ArrayList<>();
        walk("", expected, actual, entries);
        return entries;
    }

    private static void walk(String pointer, JsonNode expected, JsonNode actual, List<Entry> entries) {
        String at = pointer.isEmpty() ? "/" : pointer;
        if (!type(expected).equals(type(actual))) {
            entries.add(new Entry(
                    at + " (type)", type(expected) + " " + short_(expected), type(actual) + " " + short_(actual)));
            return;
        }
        if (expected.isObject()) {
            List<String> expectedKeys = keys(expected);
            List<String> actualKeys = keys(actual);
            if (!expectedKeys.equals(actualKeys)) {
                entries.add(new Entry(at + " (keys in order)", expectedKeys.toString(), actualKeys.toString()));
            }
            for (String key : expectedKeys) {
                if (actual.has(key)) {
                    walk(
                            pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                            expected.get(key),
                            actual.get(key),
                            entries);
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                entries.add(new Entry(
                        at + " (length)", Integer.toString(expected.size()), Integer.toString(actual.size())));
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                walk(pointer + "/" + i, expected.get(i), actual.get(i), entries);
            }
        } else if (!expected.equals(actual)) {
            entries.add(new Entry(at, short_(expected), short_(actual)));
        }
    }

    private static String type(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return node.getNodeType().name().toLowerCase();
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String short_(JsonNode node) {
        return Observation.abbreviate(node.toString());
    }
}
