package io.devstack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixture the other modules' integration tests rely on, against the real stack it finds or starts. */
class NativeStackTest {

    @Test
    void apiEnvironmentIsExactlyTheApiMdVariablesPointingAtTheStack() {
        NativeStack stack = NativeStack.shared();

        Map<String, String> env = stack.apiEnvironment("api-spring");

        assertThat(env)
                .containsOnlyKeys(
                        "VAULT_ADDR",
                        "VAULT_APPROLE_DIR",
                        "POSTGRES_HOST",
                        "POSTGRES_PORT",
                        "MYSQL_HOST",
                        "MYSQL_PORT",
                        "MONGODB_HOST",
                        "MONGODB_PORT",
                        "REDIS_NODES",
                        "RABBITMQ_HOST",
                        "RABBITMQ_PORT",
                        "BACKEND_TIMEOUT_MS");
        assertThat(env)
                .containsEntry("VAULT_ADDR", "http://127.0.0.1:8200")
                .containsEntry("POSTGRES_PORT", "5432")
                .containsEntry("MYSQL_PORT", "3306")
                .containsEntry("MONGODB_PORT", "27017")
                .containsEntry("RABBITMQ_PORT", "5672")
                .containsEntry("REDIS_NODES", "redis-1=127.0.0.1:6379,redis-2=127.0.0.1:6380,redis-3=127.0.0.1:6381")
                .containsEntry(
                        "VAULT_APPROLE_DIR", stack.approleDir("api-spring").toString());
        assertThat(stack.approleDir("api-spring")).isDirectory();
        try (var files = Files.list(stack.approleDir("api-spring"))) {
            assertThat(files.count()).isGreaterThanOrEqualTo(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void secretsAndTheRootTokenComeFromTheRunningVault() throws Exception {
        NativeStack stack = NativeStack.shared();

        assertThat(stack.secret("postgres")).containsEntry("user", "dev_admin").containsKey("password");
        HttpResponse<String> self = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.vaultAddress() + "/v1/auth/token/lookup-self"))
                                .header("X-Vault-Token", stack.rootToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(self.body()).contains("\"root\"");
    }

    @Test
    void aStoppedBackendCanBeStartedAgain() throws Exception {
        NativeStack stack = NativeStack.shared();

        stack.stopService("redis-2");
        assertThat(canConnect(6380)).isFalse();
        stack.startService("redis-2");
        assertThat(canConnect(6380)).isTrue();
    }

    private static boolean canConnect(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
