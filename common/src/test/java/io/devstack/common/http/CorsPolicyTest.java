package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private final CorsPolicy defaults = new CorsPolicy(CorsPolicy.DEFAULT_ORIGINS);

    @Test
    void defaultsAreTheLocalhostPortsOfTheContract() {
        assertThat(defaults.allowedOrigins())
                .hasSize(14)
                .contains(
                        "http://localhost:3000",
                        "http://localhost:8000",
                        "http://localhost:8004",
                        "http://localhost:8080",
                        "http://127.0.0.1:3000",
                        "http://127.0.0.1:8002",
                        "http://127.0.0.1:8080");
        assertThat(defaults.allows("http://localhost:8005")).isFalse();
        assertThat(defaults.allows("https://localhost:3000")).isFalse();
        assertThat(defaults.allows("http://localhost")).isFalse();
    }

    @Test
    void defaultOriginsKeepTheContractOrder() {
        assertThat(CorsPolicy.DEFAULT_ORIGINS)
                .containsExactly(
                        "http://localhost:3000",
                        "http://localhost:8000",
                        "http://localhost:8001",
                        "http://localhost:8002",
                        "http://localhost:8003",
                        "http://localhost:8004",
                        "http://localhost:8080",
                        "http://127.0.0.1:3000",
                        "http://127.0.0.1:8000",
                        "http://127.0.0.1:8001",
                        "http://127.0.0.1:8002",
                        "http://127.0.0.1:8003",
                        "http://127.0.0.1:8004",
                        "http://127.0.0.1:8080");
    }

    @Test
    void allowedOriginIsEchoedWithCredentialsAndVary() {
        assertThat(defaults.responseHeaders("http://localhost:3000"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Vary", "Origin")
                .containsKey("Access-Control-Expose-Headers");
    }

    @Test
    void disallowedOriginGetsNoCorsHeaderAtAll() {
        assertThat(defaults.responseHeaders("http://evil.example")).containsOnlyKeys("Vary");
        assertThat(defaults.preflightHeaders("http://evil.example")).containsOnlyKeys("Vary");
        assertThat(defaults.responseHeaders(null)).isEmpty();
    }

    @Test
    void preflightOfAnAllowedOrigin() {
        assertThat(defaults.preflightHeaders("http://127.0.0.1:8080"))
                .containsEntry("Access-Control-Allow-Origin", "http://127.0.0.1:8080")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", CorsPolicy.ALLOW_HEADERS)
                .containsEntry("Access-Control-Max-Age", "600");
    }

    @Test
    void preflightNeedsOptionsOriginAndRequestedMethod() {
        assertThat(CorsPolicy.isPreflight("OPTIONS", "http://localhost:3000", "POST"))
                .isTrue();
        assertThat(CorsPolicy.isPreflight("OPTIONS", "http://localhost:3000", null))
                .isFalse();
        assertThat(CorsPolicy.isPreflight("OPTIONS", null, "POST")).isFalse();
        assertThat(CorsPolicy.isPreflight("GET", "http://localhost:3000", "POST"))
                .isFalse();
    }
}
