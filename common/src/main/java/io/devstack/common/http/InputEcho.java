package io.devstack.common.http;

import io.devstack.common.json.Json;
import java.util.List;
import java.util.Map;

/**
 * What an error answer may repeat of the client's input: at most {@value #MAX_CHARS} characters, so an answer never
 * grows with the request (a 10 MiB body is not echoed back). A string is cut to its first characters; a JSON object
 * or array whose compact text is longer becomes that text's first characters (a string).
 */
public final class InputEcho {

    public static final int MAX_CHARS = 100;

    private InputEcho() {}

    /** {@code input} as it may appear in {@code ValidationError.input}. */
    public static Object bounded(Object input) {
        if (input instanceof String text) {
            return prefix(text);
        }
        if (input instanceof Map<?, ?> || input instanceof List<?>) {
            String json = Json.string(input);
            return json.length() > MAX_CHARS ? prefix(json) : input;
        }
        return input;
    }

    /** The first {@value #MAX_CHARS} characters (code points) of {@code text}. */
    public static String prefix(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS));
    }
}
