package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParametersTest {

    @ParameterizedTest(name = "{0}: length {1}")
    @CsvSource({
        "serviceName,0,string_too_short,String should have at least 1 character",
        "serviceName,1,,",
        "serviceName,50,,",
        "serviceName,51,string_too_long,String should have at most 50 characters",
        "vaultKey,0,string_too_short,String should have at least 1 character",
        "vaultKey,100,,",
        "vaultKey,101,string_too_long,String should have at most 100 characters",
        "cacheKey,0,string_too_short,String should have at least 1 character",
        "cacheKey,1,,",
        "cacheKey,200,,",
        "cacheKey,201,string_too_long,String should have at most 200 characters",
        "queueNameInPath,100,,",
        "queueNameInPath,101,string_too_long,String should have at most 100 characters",
        "queueNameInQuery,0,string_too_short,String should have at least 1 character",
        "queueNameInQuery,101,string_too_long,String should have at most 100 characters",
    })
    void lengthsAtAndBeyondTheirBounds(String rule, int length, String type, String msg) {
        List<ValidationError> errors = apply(rule, "a".repeat(length));
        if (type == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(type);
                assertThat(e.msg()).isEqualTo(msg);
                assertThat(e.input()).isEqualTo("a".repeat(Math.min(length, InputEcho.MAX_CHARS)));
            });
        }
    }

    @ParameterizedTest(name = "{0} ''{1}'' valid={2}")
    @CsvSource({
        "serviceName,postgres-1_A,true",
        "serviceName,a.b,false",
        "serviceName,a:b,false",
        "serviceName,a b,false",
        "vaultKey,api_key-2,true",
        "vaultKey,a/b,false",
        "cacheKey,user:42.name_x-y,true",
        "cacheKey,a/b,false",
        "cacheKey,a b,false",
        "queueNameInQuery,orders.v1_x-y,true",
        "queueNameInQuery,a:b,false",
        "queueNameInPath,é,false",
    })
    void patterns(String rule, String input, boolean valid) {
        List<ValidationError> errors = apply(rule, input);
        assertThat(errors.isEmpty()).isEqualTo(valid);
        errors.forEach(e -> assertThat(e.type()).isEqualTo("string_pattern_mismatch"));
    }

    @Test
    void patternMessagesQuoteTheContractRegexAsWritten() {
        assertThat(apply("serviceName", "a.b").get(0).msg())
                .isEqualTo("String should match pattern '^[a-zA-Z0-9_-]+$'");
        assertThat(apply("cacheKey", "a b").get(0).msg()).isEqualTo("String should match pattern '^[a-zA-Z0-9_:.-]+$'");
        assertThat(apply("queueNameInQuery", "a b").get(0).msg())
                .isEqualTo("String should match pattern '^[a-zA-Z0-9_.-]+$'");
    }

    @Test
    void aTrailingNewlineDoesNotSlipPastTheAnchor() {
        assertThat(apply("serviceName", "abc\n"))
                .singleElement()
                .extracting(ValidationError::type)
                .isEqualTo("string_pattern_mismatch");
    }

    @Test
    void lengthIsCheckedBeforePatternAndOnlyOneErrorPerParameter() {
        assertThat(apply("serviceName", "!".repeat(51)))
                .singleElement()
                .extracting(ValidationError::type)
                .isEqualTo("string_too_long");
    }

    @Test
    void missingQueueNameIsFieldRequiredWithNullInput() {
        assertThat(apply("queueNameInQuery", null))
                .containsExactly(
                        new ValidationError("missing", List.of("query", "queue_name"), "Field required", null));
    }

    @ParameterizedTest(name = "ttl ''{0}''")
    @CsvSource(
            value = {
                "0|greater_than_equal|Input should be greater than or equal to 1",
                "-5|greater_than_equal|Input should be greater than or equal to 1",
                "1||",
                "86400||",
                "86401|less_than_equal|Input should be less than or equal to 86400",
                "99999999999999999999|less_than_equal|Input should be less than or equal to 86400",
                "abc|int_parsing|Input should be a valid integer, unable to parse string as an integer",
                "1.5|int_parsing|Input should be a valid integer, unable to parse string as an integer",
                "''|int_parsing|Input should be a valid integer, unable to parse string as an integer",
            },
            delimiter = '|')
    void ttlBounds(String raw, String type, String msg) {
        Parameters check = Parameters.check();
        Integer ttl = check.ttlText(List.of("query", "ttl"), raw);
        if (type == null) {
            assertThat(check.errors()).isEmpty();
            assertThat(ttl).isEqualTo(Integer.valueOf(raw));
        } else {
            assertThat(ttl).isNull();
            assertThat(check.errors()).containsExactly(new ValidationError(type, List.of("query", "ttl"), msg, raw));
        }
    }

    @Test
    void cacheValueMayBeEmptyAndAtMost10000Characters() {
        assertThat(Parameters.check().cacheValue(List.of("query", "value"), "").errors())
                .isEmpty();
        assertThat(Parameters.check()
                        .cacheValue(List.of("query", "value"), "x".repeat(10_000))
                        .errors())
                .isEmpty();
        assertThat(Parameters.check()
                        .cacheValue(List.of("query", "value"), "x".repeat(10_001))
                        .errors())
                .singleElement()
                .extracting(ValidationError::msg)
                .isEqualTo("String should have at most 10000 characters");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(Parameters.check()
                        .cacheValue(List.of("query", "value"), "😀".repeat(10_000))
                        .errors())
                .isEmpty();
        assertThat(Parameters.check()
                        .cacheValue(List.of("query", "value"), "😀".repeat(10_001))
                        .errors())
                .extracting(ValidationError::type)
                .containsExactly("string_too_long");
    }

    @Test
    void everyFailingParameterIsReportedAtOnceInCallOrder() {
        Parameters check = Parameters.check().serviceName("bad name").vaultKey("");
        assertThatThrownBy(check::throwIfInvalid)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationError::loc)
                                .containsExactly(List.of("path", "service_name"), List.of("path", "key")));
    }

    private static List<ValidationError> apply(String rule, String input) {
        Parameters check = Parameters.check();
        switch (rule) {
            case "serviceName" -> check.serviceName(input);
            case "vaultKey" -> check.vaultKey(input);
            case "cacheKey" -> check.cacheKey(input);
            case "queueNameInPath" -> check.queueNameInPath(input);
            case "queueNameInQuery" -> check.queueNameInQuery(input);
            default -> throw new IllegalArgumentException(rule);
        }
        return check.errors();
    }
}
