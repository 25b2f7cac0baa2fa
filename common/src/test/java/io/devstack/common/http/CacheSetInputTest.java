package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class CacheSetInputTest {

    private static final String JSON = "application/json";

    @Test
    void valueAndTtlFromTheQuery() {
        assertThat(CacheSetInput.parse("k", "v", "60", null, null)).isEqualTo(new CacheSetInput("k", "v", 60));
        assertThat(CacheSetInput.parse("k", "", null, null, new byte[0])).isEqualTo(new CacheSetInput("k", "", null));
    }

    @Test
    void valueAndTtlFromAJsonBody() {
        assertThat(CacheSetInput.parse(
                        "k", null, null, "application/json; charset=UTF-8", body("{\"value\":\"v\",\"ttl\":86400}")))
                .isEqualTo(new CacheSetInput("k", "v", 86400));
        assertThat(CacheSetInput.parse("k", null, null, JSON, body("{\"value\":\"v\",\"ttl\":null,\"extra\":1}")))
                .isEqualTo(new CacheSetInput("k", "v", null));
    }

    @Test
    void perFieldTheQueryWinsOverTheBody() {
        assertThat(CacheSetInput.parse("k", "from-query", null, JSON, body("{\"value\":\"from-body\",\"ttl\":5}")))
                .isEqualTo(new CacheSetInput("k", "from-query", 5));
        assertThat(CacheSetInput.parse("k", null, "7", JSON, body("{\"value\":\"b\",\"ttl\":\"junk\"}")))
                .isEqualTo(new CacheSetInput("k", "b", 7));
    }

    @Test
    void missingValueWithoutBodyIsReportedInTheQuery() {
        assertThat(errors("k", null, null, null, null))
                .containsExactly(ValidationError.missing(List.of("query", "value")));
    }

    @Test
    void missingValueWithABodyIsReportedInTheBody() {
        assertThat(errors("k", null, null, JSON, body("{\"ttl\":5}")))
                .containsExactly(ValidationError.missing(List.of("body", "value")));
    }

    @Test
    void everyErrorAtOncePathThenQueryThenBody() {
        assertThat(errors("bad key!", null, "0", JSON, body("{\"value\":12}")))
                .extracting(ValidationError::type, ValidationError::loc, ValidationError::input)
                .containsExactly(
                        Tuple.tuple("string_pattern_mismatch", List.of("path", "key"), "bad key!"),
                        Tuple.tuple("greater_than_equal", List.of("query", "ttl"), "0"),
                        Tuple.tuple("string_type", List.of("body", "value"), 12));
    }

    @Test
    void jsonTtlMustBeAnIntegerWithinBounds() {
        assertThat(errors("k", null, null, JSON, body("{\"value\":\"v\",\"ttl\":\"60\"}")))
                .containsExactly(ValidationError.intParsing(List.of("body", "ttl"), "60"));
        assertThat(errors("k", null, null, JSON, body("{\"value\":\"v\",\"ttl\":1.5}")))
                .extracting(ValidationError::type)
                .containsExactly("int_parsing");
        assertThat(errors("k", null, null, JSON, body("{\"value\":\"v\",\"ttl\":0}")))
                .containsExactly(ValidationError.greaterThanEqual(List.of("body", "ttl"), 1, 0));
        assertThat(errors("k", null, null, JSON, body("{\"value\":\"v\",\"ttl\":86401}")))
                .containsExactly(ValidationError.lessThanEqual(List.of("body", "ttl"), 86400, 86401));
    }

    @Test
    void bodyValueOver10000CharactersIsTooLong() {
        String json = "{\"value\":\"" + "x".repeat(10_001) + "\"}";
        assertThat(errors("k", null, null, JSON, body(json)))
                .extracting(ValidationError::type, ValidationError::loc)
                .containsExactly(Tuple.tuple("string_too_long", List.of("body", "value")));
    }

    @Test
    void invalidJsonArrayAndNullBodies() {
        assertThat(errors("k", null, null, JSON, body("{\"value\":")))
                .containsExactly(ValidationError.jsonInvalid(List.of("body"), "{\"value\":"));
        assertThat(errors("k", null, null, JSON, body("[1,2]")))
                .containsExactly(ValidationError.dictType(List.of("body"), List.of(1, 2)));
        assertThat(errors("k", null, null, JSON, body("null")))
                .containsExactly(ValidationError.dictType(List.of("body"), null));
    }

    @Test
    void aBodyNotDeclaredJsonIs415EvenWithoutContentType() {
        assertThatThrownBy(() -> CacheSetInput.parse("k", "v", null, "text/plain", body("{}")))
                .isInstanceOfSatisfying(
                        UnsupportedMediaTypeException.class,
                        e -> assertThat(e.details()).isEqualTo(Map.of("content_type", "text/plain")));
        assertThatThrownBy(() -> CacheSetInput.parse("k", "v", null, null, body("{}")))
                .isInstanceOf(UnsupportedMediaTypeException.class);
        assertThatThrownBy(() -> CacheSetInput.parse("k", "v", null, "application/jsonx", body("{}")))
                .isInstanceOf(UnsupportedMediaTypeException.class);
    }

    @Test
    void anEmptyBodyNeedsNoContentType() {
        assertThat(CacheSetInput.parse("k", "v", null, "text/plain", new byte[0]))
                .isEqualTo(new CacheSetInput("k", "v", null));
    }

    @Test
    void aBodyOver10MiBIs413() {
        assertThatThrownBy(() -> CacheSetInput.parse("k", "v", null, JSON, new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    private static List<ValidationError> errors(String key, String value, String ttl, String contentType, byte[] body) {
        try {
            CacheSetInput.parse(key, value, ttl, contentType, body);
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected a ValidationException");
    }

    static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
