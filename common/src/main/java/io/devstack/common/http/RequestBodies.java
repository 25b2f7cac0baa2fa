package io.devstack.common.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The rules for request bodies where JSON is expected, in the order they apply:
 * <ol>
 *   <li>over {@value #MAX_BODY_BYTES} bytes → 413 (HttpFront already rejects a larger Content-Length);</li>
 *   <li>a non-empty body needs {@code Content-Type: application/json} (parameters such as charset allowed,
 *       case-insensitive); a missing Content-Type is "other" → 415. One rule, no sniffing;</li>
 *   <li>an empty body is "no body"; otherwise it must parse as JSON → {@code json_invalid} at {@code ["body"]};</li>
 *   <li>a JSON body whose compact form exceeds {@value #MAX_JSON_BYTES} bytes (the largest message a publish accepts)
 *       → 413, found by streaming the tokens before any tree is built: 10 MiB of {@code [{},{},…]} would make a tree
 *       of about 280 MB, more than an API's whole heap.</li>
 * </ol>
 * Nesting deeper than Jackson's default limit (1,000) is {@code json_invalid}. An error's {@code input} repeats at
 * most {@link InputEcho#MAX_CHARS} characters of the body.
 */
public final class RequestBodies {

    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The largest JSON value turned into a tree (its compact form); bounds the memory one request can take. */
    public static final int MAX_JSON_BYTES = PublishInput.MAX_MESSAGE_BYTES;
    /**
     * The request line (and header block) every server must accept: a cache value of 10,000 characters may come in
     * the query, percent-encoded up to 3 bytes per character, so default limits (2–8 KiB) would refuse valid requests.
     */
    public static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
    /** More query parameters than any route needs (it takes at most two) → 400, before a framework parses them. */
    public static final int MAX_QUERY_PARAMETERS = 100;

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

    /** The 400 for a query with more than {@value #MAX_QUERY_PARAMETERS} parameters. */
    public static BadRequestException tooManyParameters() {
        return new BadRequestException("More than " + MAX_QUERY_PARAMETERS + " query parameters");
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
            checkCompactSize(body);
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

    /** Streams {@code body}'s tokens into a counter (no tree); 413 as soon as the compact form passes the limit. */
    private static void checkCompactSize(byte[] body) throws JsonProcessingException {
        try (JsonParser parser = Json.mapper().createParser(body);
                JsonGenerator compact = Json.mapper().createGenerator(new CountingSink())) {
            while (parser.nextToken() != null) {
                compact.copyCurrentEventExact(parser);
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what it is given and keeps none of it. */
    private static final class CountingSink extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            write(null, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
            if (count > MAX_JSON_BYTES) {
                throw new PayloadTooLargeException("JSON body exceeds " + MAX_JSON_BYTES + " bytes in compact form");
            }
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
