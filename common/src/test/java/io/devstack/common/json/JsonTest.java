package io.devstack.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Entry(String key, String value, boolean exists, Integer ttl) {}

    @Test
    void recordsKeepComponentOrderAndWriteNulls() {
        assertThat(Json.string(new Entry("k", null, false, null)))
                .isEqualTo("{\"key\":\"k\",\"value\":null,\"exists\":false,\"ttl\":null}");
    }

    @Test
    void mapsKeepInsertionOrderAndTextIsUtf8() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", "é");
        assertThat(new String(Json.bytes(map), StandardCharsets.UTF_8)).isEqualTo("{\"z\":1,\"a\":\"é\"}");
    }

    @Test
    void decimalsAreEchoedWithoutBinaryRounding() throws JsonProcessingException {
        String text = "{\"price\":0.1000000000000000055511151231257827,\"big\":123456789012345678901234567890}";
        assertThat(Json.string(Json.tree(text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(text);
    }

    @Test
    void malformedJsonIsAProcessingException() {
        assertThatThrownBy(() -> Json.tree("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.tree("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.tree("{\"a\":NaN}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
    }
}
