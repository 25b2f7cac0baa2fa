package io.devstack.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The rules for request bodies where JSON is expected, in the order they apply:
 * <ol>
 *   <li>over {@value #MAX_BODY_BYTES} bytes → 413 (HttpFront already rejects a larger Content-Length);</li>
 *   <li>a non-empty body needs {@code Content-Type: application/json} (parameters such as charset allowed,
 *       case-insensitive); a missing Content-Type is "other" → 415. One rule, no sniffing;</li>
 *   <li>an empty body is "no body"; otherwise it must parse as JSON → {@code json_invalid} at {@code ["body"]}.</li>
 * </ol>
 */
public final class RequestBodies {

    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /**
     * The request line (and header block) every server must accept: a cache value of 10,000 characters may come in
     * the query, percent-encoded up to 3 bytes per character, so default limits (2–8 KiB) would refuse valid requests.
     */
    public static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
    static final List<Object> BODY = List.of("body");

    private RequestBodies() {}

    /** 413 when {@code body} exceeds 10 MiB. */
    public static void checkSize(byte[] body) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
    }

    /** The 413 for a body over 10 MiB, whoever noticed it (HttpFront by Content-Length, a framework while reading). */
    public static PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("Request body exceeds " + MAX_BODY_BYTES + " bytes (10 MiB)");
    }

    /** 415 unless a non-empty body is declared {@code application/json}. */
    public static void checkJsonContentType(String contentType, byte[] body) {
        if (isEmpty(body)) {
            return;
        }
        if (contentType == null || !isJson(contentType)) {
            throw new UnsupportedMediaTypeException(contentType == null ? "" : contentType);
        }
    }

    public static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    public static boolean isEmpty(byte[] body) {
        return body == null || body.length == 0;
    }

    /**
     * Size and content-type checks, then the parsed JSON; {@code null} for an empty body. A malformed body
     * adds {@code json_invalid} (input: the body as text) to {@code errors} and returns {@code null}.
     */
    public static JsonNode parseJson(String contentType, byte[] body, Parameters errors) {
        checkSize(body);
        checkJsonContentType(contentType, body);
        if (isEmpty(body)) {
            return null;
        }
        try {
            JsonNode node = Json.tree(body);
            if (node == null || node.isMissingNode()) {
                errors.add(ValidationError.jsonInvalid(BODY, text(body)));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            errors.add(ValidationError.jsonInvalid(BODY, text(body)));
            return null;
        }
    }

    /** The JSON value as a plain Java value (Map/List/String/Number/Boolean/null) for an error's {@code input}. */
    static Object plain(JsonNode node) {
        return Json.mapper().convertValue(node, Object.class);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
