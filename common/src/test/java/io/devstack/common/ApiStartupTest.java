package io.devstack.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.http.ServiceUnavailableException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one start-up failure line of the five APIs, for each kind of failure their frameworks report. */
class ApiStartupTest {

    private static final Map<String, String> ENV = Map.of("DEVSTACK_HOME", "/srv/devstack");

    @Test
    void aBadSettingNamesTheVariableWhereverTheFrameworkWrappedIt() {
        Map<String, String> env = Map.of("HTTP_PORT", "99999");
        Throwable failure = catchSettings(env);

        assertThat(ApiStartup.failureLine(ApiModule.HELIDON, env, new IllegalStateException("bean failed", failure)))
                .isEqualTo("api-helidon cannot start: HTTP_PORT='99999' is not a whole number between 1 and 65535;"
                        + " expected a TCP port, e.g. 8002 — correct HTTP_PORT and start again");
    }

    @Test
    void aBusyPortNamesTheAddressAndTheVariablesToChange() {
        Throwable failure = new IllegalStateException(new BindException("Address already in use"));

        assertThat(ApiStartup.failureLine(ApiModule.VERTX, ENV, failure))
                .isEqualTo("api-vertx cannot start: 127.0.0.1:8003 is already in use — stop what listens there or set"
                        + " HTTP_PORT to a free port");
        assertThat(ApiStartup.failureLine(ApiModule.VERTX, Map.of("TLS_ENABLED", "true"), failure))
                .contains("127.0.0.1:8003 or 127.0.0.1:8446 is already in use")
                .endsWith("set HTTP_PORT and HTTPS_PORT to free ports");
    }

    @Test
    void anAddressThisMachineDoesNotHaveNamesApiBindAddress() {
        Map<String, String> env = Map.of("API_BIND_ADDRESS", "10.9.9.9");
        String expected = "api-javalin cannot start: API_BIND_ADDRESS=10.9.9.9 is not an address of this machine — set"
                + " API_BIND_ADDRESS to one of its addresses, e.g. 127.0.0.1 or 0.0.0.0";

        assertThat(ApiStartup.failureLine(
                        ApiModule.JAVALIN,
                        env,
                        new UncheckedIOException(new BindException("Cannot assign requested address"))))
                .isEqualTo(expected);
        assertThat(ApiStartup.failureLine(
                        ApiModule.JAVALIN, env, new IllegalStateException(new UnknownHostException("10.9.9.9"))))
                .isEqualTo(expected);
    }

    @Test
    void anotherHostThatDoesNotResolveIsNotBlamedOnTheBindAddress() {
        Map<String, String> env = Map.of("TLS_ENABLED", "true", "VAULT_ADDR", "http://vault.invalid:8200");

        assertThat(ApiStartup.failureLine(
                        ApiModule.HELIDON, env, new IllegalStateException(new UnknownHostException("vault.invalid"))))
                .isEqualTo("api-helidon cannot start: vault.invalid — check that Vault at http://vault.invalid:8200"
                        + " issues certificates for role api-helidon-role, or set TLS_ENABLED=false");
    }

    @Test
    void ourOwnMessageWinsOverTheFrameworksWrappers() {
        Throwable failure = new IllegalStateException(
                "Failed to start bean 'webServerStartStop'",
                new ServiceUnavailableException("vault", "connection_failed"));

        assertThat(ApiStartup.failureLine(ApiModule.MICRONAUT, Map.of("TLS_ENABLED", "true"), failure))
                .startsWith("api-micronaut cannot start: Service 'vault' is unavailable — check that Vault at");
    }

    @Test
    void anUnresolvedBindAddressNamesApiBindAddress() {
        assertThat(ApiStartup.failureLine(
                        ApiModule.JAVALIN,
                        Map.of("API_BIND_ADDRESS", "nosuchhost"),
                        new IllegalStateException(new UnresolvedAddressException())))
                .startsWith("api-javalin cannot start: API_BIND_ADDRESS=nosuchhost is not an address of this machine");
    }

    @Test
    void anyOtherFailureIsItsInnermostMessageWithoutAStackTrace() {
        Throwable failure = new RuntimeException("wrapper", new IllegalStateException("Vault PKI refused the role"));

        assertThat(ApiStartup.failureLine(ApiModule.SPRING, Map.of("TLS_ENABLED", "true"), failure))
                .isEqualTo("api-spring cannot start: Vault PKI refused the role — check that Vault at"
                        + " http://127.0.0.1:8200 issues certificates for role api-spring-role, or set"
                        + " TLS_ENABLED=false")
                .doesNotContain("\n");
        assertThat(ApiStartup.failureLine(ApiModule.SPRING, ENV, new NullPointerException()))
                .startsWith("api-spring cannot start: NullPointerException — ");
    }

    private static Throwable catchSettings(Map<String, String> env) {
        try {
            ApiSettings.fromEnvironment(env, ApiModule.HELIDON);
            throw new AssertionError("expected an InvalidSettingException");
        } catch (InvalidSettingException e) {
            return e;
        }
    }
}
