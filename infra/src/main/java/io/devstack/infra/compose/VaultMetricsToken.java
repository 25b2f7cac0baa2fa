package io.devstack.infra.compose;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token Prometheus scrapes Vault's {@code /v1/sys/metrics} with: a policy allowing only that read, and a
 * periodic orphan token under it, written to {@code vault-token} (0600) in the folder mounted into Prometheus.
 * A still-valid token file is kept.
 */
public final class VaultMetricsToken {

    public static final String POLICY = "prometheus-metrics";
    private static final String POLICY_HCL = "path \\\"sys/metrics\\\" { capabilities = [\\\"read\\\"] }";
    private static final Pattern CLIENT_TOKEN = Pattern.compile("\"client_token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI vault;
    private final String rootToken;

    public VaultMetricsToken(URI vault, String rootToken) {
        this.vault = vault;
        this.rootToken = rootToken;
    }

    public void write(Path dir) {
        Path file = dir.resolve("vault-token");
        try {
            if (Files.exists(file)
                    && call(
                                    "GET",
                                    "/v1/auth/token/lookup-self",
                                    null,
                                    Files.readString(file).strip())
                            == 200) {
                return;
            }
            call("PUT", "/v1/sys/policies/acl/" + POLICY, "{\"policy\":\"" + POLICY_HCL + "\"}", rootToken);
            String body = "{\"policies\":[\"" + POLICY + "\"],\"period\":\"768h\",\"no_parent\":true,"
                    + "\"display_name\":\"prometheus\"}";
            Matcher token = CLIENT_TOKEN.matcher(send("POST", "/v1/auth/token/create-orphan", body, rootToken)
                    .body());
            if (!token.find()) {
                throw new StackException(
                        "vault: creating the Prometheus metrics token failed", StackException.EXIT_FAILED);
            }
            DevstackHome.writePrivateFile(file, token.group(1));
        } catch (IOException e) {
            throw new StackException(
                    "vault: writing the Prometheus metrics token failed: " + e.getMessage(),
                    StackException.EXIT_FAILED);
        }
    }

    private int call(String method, String path, String body, String token) {
        return send(method, path, body, token).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(vault.resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("X-Vault-Token", token)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException(
                    "vault: " + method + " " + path + " failed: " + e.getMessage(), StackException.EXIT_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("vault: interrupted", StackException.EXIT_FAILED);
        }
    }
}
