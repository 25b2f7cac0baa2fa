package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123_X.y", "0123456789"})
    void acceptedIdsAreEchoed(String id) {
        assertThat(RequestIds.resolve(id)).isEqualTo(id);
    }

    @Test
    void exactly128CharactersIsEchoedAnd129IsReplaced() {
        assertThat(RequestIds.resolve("x".repeat(128))).isEqualTo("x".repeat(128));
        assertThat(RequestIds.resolve("x".repeat(129)))
                .isNotEqualTo("x".repeat(129))
                .satisfies(RequestIdsTest::isUuid4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "slash/", "new\nline", "é"})
    void anythingElseIsReplacedByAFreshUuid4(String id) {
        assertThat(RequestIds.resolve(id)).satisfies(RequestIdsTest::isUuid4);
    }

    @Test
    void absentIdGetsAFreshUuid4EachTime() {
        String first = RequestIds.resolve(null);
        isUuid4(first);
        assertThat(RequestIds.resolve(null)).isNotEqualTo(first);
    }

    private static void isUuid4(String id) {
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
