package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputEchoTest {

    @Test
    void shortInputIsEchoedAsReceived() {
        assertThat(InputEcho.bounded("bad name")).isEqualTo("bad name");
        assertThat(InputEcho.bounded(List.of(1, 2))).isEqualTo(List.of(1, 2));
        assertThat(InputEcho.bounded(Map.of("a", 1))).isEqualTo(Map.of("a", 1));
        assertThat(InputEcho.bounded(42)).isEqualTo(42);
        assertThat(InputEcho.bounded(null)).isNull();
    }

    @Test
    void longInputIsCutToItsFirstHundredCharacters() {
        assertThat(InputEcho.bounded("v".repeat(10_001))).isEqualTo("v".repeat(100));
        assertThat(InputEcho.bounded("😀".repeat(150))).isEqualTo("😀".repeat(100)); // code points, never half a pair
        assertThat(InputEcho.bounded(List.of("x".repeat(200)))).isEqualTo("[\"" + "x".repeat(98));
    }

    @Test
    void aValidationErrorNeverCarriesMoreThanThePrefix() {
        assertThat(ValidationError.jsonInvalid(List.of("body"), "{".repeat(5_000_000))
                        .input())
                .isEqualTo("{".repeat(100));
    }
}
