package io.devstack.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The validated input of {@code POST /examples/cache/{key}}. {@code value} and {@code ttl} come from the
 * query string or a JSON body {@code {"value": "...", "ttl": 60}}; per field the query parameter wins when
 * present, otherwise the body's field is used (so {@code ?ttl=60} with body {@code {"value":"x"}} works).
 * A missing value is reported at {@code ["body","value"]} when a body was sent, else {@code ["query","value"]}.
 * In a body, {@code value} must be a JSON string and {@code ttl} a JSON integer (or null = no expiry).
 *
 * @param ttl seconds, or {@code null} for no expiry
 */
public record CacheSetInput(String key, String value, Integer ttl) {

    private static final List<Object> QUERY_VALUE = List.of("query", "value");
    private static final List<Object> QUERY_TTL = List.of("query", "ttl");
    private static final List<Object> BODY_VALUE = List.of("body", "value");
    private static final List<Object> BODY_TTL = List.of("body", "ttl");

    /**
     * @param queryValue the raw {@code value} query parameter, {@code null} when absent
     * @param queryTtl the raw {@code ttl} query parameter, {@code null} when absent
     * @param body raw body bytes ({@code null} or empty for none)
     * @throws PayloadTooLargeException body over 10 MiB
     * @throws UnsupportedMediaTypeException a body that is not declared application/json
     * @throws ValidationException every failing parameter, path → query → body
     */
    public static CacheSetInput parse(String key, String queryValue, String queryTtl, String contentType, byte[] body) {
        Parameters check = Parameters.check().cacheKey(key);
        // parseJson throws 413/415 first; the checks before it only collect, so that order holds

        // query (only the fields present in the query string)
        if (queryValue != null) {
            check.cacheValue(QUERY_VALUE, queryValue);
        }
        Integer ttl = check.ttlText(QUERY_TTL, queryTtl);

        // body
        Parameters bodyErrors = Parameters.check();
        JsonNode json = RequestBodies.parseJson(contentType, body, bodyErrors);
        String value = queryValue;
        boolean bodySent = !RequestBodies.isEmpty(body);
        if (bodySent && json != null && !json.isObject()) {
            bodyErrors.add(ValidationError.dictType(RequestBodies.BODY, RequestBodies.plain(json)));
        } else if (json != null) {
            if (queryValue == null) {
                value = bodyValue(json, bodyErrors);
            }
            if (queryTtl == null) {
                ttl = bodyTtl(json, bodyErrors);
            }
        } else if (queryValue == null && !bodySent) {
            check.add(ValidationError.missing(QUERY_VALUE));
        }
        bodyErrors.errors().forEach(check::add);
        check.throwIfInvalid();
        return new CacheSetInput(key, value, ttl);
    }

    private static String bodyValue(JsonNode json, Parameters errors) {
        JsonNode node = json.get("value");
        if (node == null) {
            errors.add(ValidationError.missing(BODY_VALUE));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new ValidationError(
                    "string_type", BODY_VALUE, "Input should be a valid string", RequestBodies.plain(node)));
            return null;
        }
        errors.cacheValue(BODY_VALUE, node.textValue());
        return node.textValue();
    }

    private static Integer bodyTtl(JsonNode json, Parameters errors) {
        JsonNode node = json.get("ttl");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            errors.add(ValidationError.intParsing(BODY_TTL, RequestBodies.plain(node)));
            return null;
        }
        return errors.ttlNumber(BODY_TTL, node.bigIntegerValue(), RequestBodies.plain(node));
    }
}
