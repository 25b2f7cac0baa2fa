package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/examples/cache/user:42",
                "/examples/cache/a.b",
                "/examples/cache/...",
                "/examples/cache/%2E%2E%2E",
                "/examples/cache/a+b",
                "/examples/cache/a%3Bb",
                "/examples/cache/%C3%A9",
                "/examples/cache/%F0%9F%98%80",
                "/examples/cache/a%20b",
                "/examples/cache/a%25b",
                "/examples/cache/é",
                "/examples/cache/a!$&'()*,=:@~b",
                "/examples/cache/%7Bkey%7D"
            })
    void aTargetEveryServerReadsAlikeIsWellFormed(String path) {
        assertThat(RequestTargets.wellFormed(path, "value=%C3%BC+x&ttl=5")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/examples/cache/.",
                "/examples/cache/..",
                "/examples/cache/%2E",
                "/examples/cache/%2e%2E",
                "/examples/messaging/queue/../info",
                "/examples/cache/a%2Fb",
                "/examples/cache/a%5Cb",
                "/examples/cache/a\\b",
                "/examples/cache/a;b",
                "/examples/cache/a%00b",
                "/examples/cache/a%0A",
                "/examples/cache/a%7F",
                "/examples/cache/a%FFb",
                "/examples/cache/%C3",
                "/examples/cache/%zz",
                "/examples/cache/a%4",
                "/examples/cache/{key}",
                "/examples/cache/a b",
                "/examples/cache/a\"b",
                "/examples/cache/a|b",
                "/examples/cache/a^b",
                "/examples/cache/a`b",
                "/examples/cache/a<b>",
                "/examples/cache/[a]",
                "/examples/cache/a\tb"
            })
    void aTargetServersWouldReadTheirOwnWayIsMalformed(String path) {
        assertThat(RequestTargets.wellFormed(path, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=a%FFb", "value=%zz", "ttl=%4", "value=%C3", "value={x}", "value=a b", "value=a|b"})
    void aQueryThatIsNotPercentEncodedUtf8IsMalformed(String query) {
        assertThat(RequestTargets.wellFormed("/examples/cache/k", query)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=a%00b", "value=a%0Ab", "value=a+b", "value=%F0%9F%98%80"})
    void aQueryMayCarryAnyUnicodeText(String query) {
        assertThat(RequestTargets.wellFormed("/examples/cache/k", query)).isTrue();
    }
}
