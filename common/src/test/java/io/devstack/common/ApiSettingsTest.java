package io.devstack.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.common.redis.RedisNodeAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

    @Test
    void anEmptyEnvironmentGivesTheNativeStackDefaults() {
        ApiSettings settings = ApiSettings.fromEnvironment(Map.of("DEVSTACK_HOME", "/srv/devstack"), ApiModule.HELIDON);

        assertThat(settings.vaultAddress()).isEqualTo(URI.create("http://127.0.0.1:8200"));
        assertThat(settings.vaultAppRoleDir()).isEqualTo(Path.of("/srv/devstack/approle/api-helidon"));
        assertThat(settings.postgres()).isEqualTo(new HostPort("127.0.0.1", 5432));
        assertThat(settings.mysql()).isEqualTo(new HostPort("127.0.0.1", 3306));
        assertThat(settings.mongodb()).isEqualTo(new HostPort("127.0.0.1", 27017));
        assertThat(settings.rabbitmq()).isEqualTo(new HostPort("127.0.0.1", 5672));
        assertThat(settings.redisNodes())
                .containsExactly(
                        new RedisNodeAddress("redis-1", "127.0.0.1", 6379),
                        new RedisNodeAddress("redis-2", "127.0.0.1", 6380),
                        new RedisNodeAddress("redis-3", "127.0.0.1", 6381));
        assertThat(settings.httpPort()).isEqualTo(8002);
        assertThat(settings.httpsPort()).isEqualTo(8445);
        assertThat(settings.tlsEnabled()).isFalse();
        assertThat(settings.backendTimeout()).isEqualTo(Duration.ofMillis(2000));
        assertThat(settings.corsAllowedOrigins())
                .hasSize(14)
                .contains("http://localhost:3000", "http://127.0.0.1:8080");
        assertThat(settings.logLevel()).isEqualTo("INFO");
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.allowedHosts()).containsExactly("127.0.0.1");
    }

    @Test
    void oneBindAddressForAllFiveAndItsNameIsAnAllowedHost() {
        ApiSettings lan = ApiSettings.fromEnvironment(
                Map.of("API_BIND_ADDRESS", "192.168.1.20", "API_ALLOWED_HOSTS", "devbox.lan, [fd00::1]"),
                ApiModule.VERTX);
        assertThat(lan.bindAddress()).isEqualTo("192.168.1.20");
        assertThat(lan.allowedHosts()).containsExactly("devbox.lan", "[fd00::1]", "192.168.1.20");

        assertThat(settings("API_BIND_ADDRESS", "0.0.0.0").allowedHosts()).isEmpty();
        assertThatThrownBy(() -> settings("API_ALLOWED_HOSTS", "devbox.lan:8000"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("API_ALLOWED_HOSTS='devbox.lan:8000'");
    }

    @Test
    void everyVariableIsRead() {
        ApiSettings settings = ApiSettings.fromEnvironment(
                Map.ofEntries(
                        Map.entry("VAULT_ADDR", "https://vault:8200"),
                        Map.entry("VAULT_APPROLE_DIR", "/vault-approles/api-spring"),
                        Map.entry("POSTGRES_HOST", "postgres"),
                        Map.entry("POSTGRES_PORT", "6432"),
                        Map.entry("MYSQL_HOST", "mysql"),
                        Map.entry("MYSQL_PORT", "3307"),
                        Map.entry("MONGODB_HOST", "mongodb"),
                        Map.entry("MONGODB_PORT", "27018"),
                        Map.entry("REDIS_NODES", "a=10.0.0.1:7000, b=10.0.0.2:7001"),
                        Map.entry("RABBITMQ_HOST", "rabbitmq"),
                        Map.entry("RABBITMQ_PORT", "5673"),
                        Map.entry("HTTP_PORT", "9000"),
                        Map.entry("HTTPS_PORT", "9443"),
                        Map.entry("TLS_ENABLED", "true"),
                        Map.entry("CORS_ALLOWED_ORIGINS", "http://localhost:5173,https://app.example.com"),
                        Map.entry("BACKEND_TIMEOUT_MS", "750"),
                        Map.entry("LOG_LEVEL", "debug")),
                ApiModule.SPRING);

        assertThat(settings.vaultAddress()).isEqualTo(URI.create("https://vault:8200"));
        assertThat(settings.vaultAppRoleDir()).isEqualTo(Path.of("/vault-approles/api-spring"));
        assertThat(settings.postgres()).isEqualTo(new HostPort("postgres", 6432));
        assertThat(settings.mysql()).isEqualTo(new HostPort("mysql", 3307));
        assertThat(settings.mongodb()).isEqualTo(new HostPort("mongodb", 27018));
        assertThat(settings.redisNodes())
                .containsExactly(
                        new RedisNodeAddress("a", "10.0.0.1", 7000), new RedisNodeAddress("b", "10.0.0.2", 7001));
        assertThat(settings.rabbitmq()).isEqualTo(new HostPort("rabbitmq", 5673));
        assertThat(settings.httpPort()).isEqualTo(9000);
        assertThat(settings.httpsPort()).isEqualTo(9443);
        assertThat(settings.tlsEnabled()).isTrue();
        assertThat(settings.corsAllowedOrigins()).containsExactly("http://localhost:5173", "https://app.example.com");
        assertThat(settings.backendTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void aBadValueNamesTheVariableTheProblemAndTheExpectedForm() {
        assertThatThrownBy(() -> settings("BACKEND_TIMEOUT_MS", "soon"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("BACKEND_TIMEOUT_MS='soon' is not a whole number between 100 and 60000; "
                        + "expected milliseconds, e.g. 2000");
        assertThatThrownBy(() -> settings("POSTGRES_PORT", "70000"))
                .hasMessage("POSTGRES_PORT='70000' is not a whole number between 1 and 65535; expected a TCP port, "
                        + "e.g. 5432");
        assertThatThrownBy(() -> settings("TLS_ENABLED", "maybe"))
                .hasMessage("TLS_ENABLED='maybe' is not a boolean; expected true or false");
        assertThatThrownBy(() -> settings("REDIS_NODES", "redis-1=127.0.0.1"))
                .hasMessageStartingWith("REDIS_NODES='redis-1=127.0.0.1' is not a name=host:port entry; expected ");
        assertThatThrownBy(() -> settings("REDIS_NODES", "a=h:1,a=h:2"))
                .hasMessageStartingWith("REDIS_NODES='a' names a node twice");
        assertThatThrownBy(() -> settings("LOG_LEVEL", "loud"))
                .hasMessage("LOG_LEVEL='loud' is not a log level; expected one of TRACE, DEBUG, INFO, WARN, ERROR");
        assertThatThrownBy(() -> settings("CORS_ALLOWED_ORIGINS", "localhost:3000"))
                .hasMessageStartingWith("CORS_ALLOWED_ORIGINS='localhost:3000' is not an origin");
    }

    @Test
    void aVaultAddressIsNeverEchoedBecauseItCouldCarryCredentials() {
        assertThatThrownBy(() -> settings("VAULT_ADDR", "http://user:hunter2@vault:8200"))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("VAULT_ADDR");
                    assertThat(e.getMessage())
                            .doesNotContain("hunter2")
                            .isEqualTo("VAULT_ADDR is not a usable Vault address; expected http(s)://host:port, "
                                    + "e.g. http://127.0.0.1:8200");
                });
    }

    @Test
    void blankCountsAsUnset() {
        assertThat(settings("BACKEND_TIMEOUT_MS", "  ").backendTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    private static ApiSettings settings(String name, String value) {
        return ApiSettings.fromEnvironment(Map.of(name, value), ApiModule.JAVALIN);
    }
}
