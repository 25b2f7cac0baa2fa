package io.devstack.common.http;

import static io.devstack.common.http.CacheSetInputTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishInputTest {

    private static final String JSON = "application/json";

    @Test
    void theWholeObjectIsTheMessage() {
        PublishInput input = PublishInput.parse("orders", JSON, body("{ \"order_id\": 42, \"items\": [1, 2] }"));

        assertThat(input.queueName()).isEqualTo("orders");
        assertThat(new String(input.messageJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"order_id\":42,\"items\":[1,2]}");
    }

    @Test
    void aHugeStructureIsRefusedWhileStreamedLongBeforeATreeWouldFillTheHeap() {
        String objects = "[" + "{},".repeat(3_000_000) + "{}]"; // 9 MB, a tree of about 240 MB
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();

        assertThatThrownBy(() -> PublishInput.parse("orders", JSON, body(objects)))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("JSON body exceeds 1000000 bytes in compact form");
        assertThat(runtime.totalMemory() - runtime.freeMemory() - before).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void deepNestingIsJsonInvalidAndTheAnswerRepeatsOnlyAPrefix() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        assertThat(errors("orders", JSON, body(deep)))
                .containsExactly(ValidationError.jsonInvalid(List.of("body"), "[".repeat(InputEcho.MAX_CHARS)));
    }

    @Test
    void anEmptyObjectIsBadRequest() {
        assertThatThrownBy(() -> PublishInput.parse("orders", JSON, body("{}")))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Message cannot be empty");
    }

    @Test
    void nonObjectsAreDictTypeAndInvalidJsonIsJsonInvalid() {
        assertThat(errors("orders", JSON, body("[1]")))
                .containsExactly(ValidationError.dictType(List.of("body"), List.of(1)));
        assertThat(errors("orders", JSON, body("\"text\"")))
                .containsExactly(ValidationError.dictType(List.of("body"), "text"));
        assertThat(errors("orders", JSON, body("{oops}")))
                .containsExactly(ValidationError.jsonInvalid(List.of("body"), "{oops}"));
    }

    @Test
    void aMissingBodyAndAMissingQueueAreReportedTogetherQueryFirst() {
        assertThat(errors(null, null, null))
                .containsExactly(
                        ValidationError.missing(List.of("query", "queue_name")),
                        ValidationError.missing(List.of("body")));
    }

    @Test
    void validationComesBeforeTheEmptyMessageCheck() {
        assertThat(errors("bad queue", JSON, body("{}")))
                .extracting(ValidationError::type)
                .containsExactly("string_pattern_mismatch");
    }

    @Test
    void messageSizeLimitIsOneMillionBytesSerialized() {
        // {"m":"xxx…"} is 8 bytes of framing around the string
        assertThat(PublishInput.parse("q", JSON, body("{\"m\":\"" + "x".repeat(1_000_000 - 8) + "\"}"))
                        .messageJson())
                .hasSize(1_000_000);
        assertThatThrownBy(() -> PublishInput.parse("q", JSON, body("{\"m\":\"" + "x".repeat(1_000_000 - 7) + "\"}")))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void whitespaceDoesNotCountTowardsTheSerializedSize() {
        String padded = "{\"m\":\"" + "x".repeat(1_000_000 - 8) + "\"" + " ".repeat(5000) + "}";
        assertThat(PublishInput.parse("q", JSON, body(padded)).messageJson()).hasSize(1_000_000);
    }

    @Test
    void wrongContentTypeIs415() {
        assertThatThrownBy(() -> PublishInput.parse("q", "application/x-www-form-urlencoded", body("{\"a\":1}")))
                .isInstanceOf(UnsupportedMediaTypeException.class);
    }

    private static List<ValidationError> errors(String queue, String contentType, byte[] body) {
        try {
            PublishInput.parse(queue, contentType, body);
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected a ValidationException");
    }
}
