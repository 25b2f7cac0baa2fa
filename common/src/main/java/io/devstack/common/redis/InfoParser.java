package io.devstack.common.redis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code INFO} and {@code CLUSTER INFO} text ({@code key:value} lines, {@code # Section} headers) into one
 * ordered map. Numbers become numbers (integers exactly, decimals as written); {@code k=v,k=v} values such as
 * {@code db0:keys=1,expires=0} become nested maps; identifiers that merely look numeric (versions, SHA-1s, ids,
 * anything with a leading zero) stay strings.
 */
public final class InfoParser {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");

    private InfoParser() {}

    public static Map<String, Object> parse(String info) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String rawLine : info.split("\\r?\\n")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon);
            fields.put(key, value(key, line.substring(colon + 1)));
        }
        return fields;
    }

    static Object value(String key, String text) {
        if (text.contains("=") && !text.contains(" ") && isIdentifier(text.substring(0, text.indexOf('=')))) {
            Map<String, Object> nested = new LinkedHashMap<>();
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    return text; // not a k=v list after all
                }
                String name = pair.substring(0, eq);
                nested.put(name, scalar(name, pair.substring(eq + 1)));
            }
            return nested;
        }
        return scalar(key, text);
    }

    private static Object scalar(String key, String text) {
        if (keepsText(key)) {
            return text;
        }
        if (INTEGER.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        return text;
    }

    private static boolean keepsText(String key) {
        return key.endsWith("_version") || key.endsWith("_id") || key.endsWith("_sha1") || key.contains("replid");
    }

    private static boolean isIdentifier(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }
}
