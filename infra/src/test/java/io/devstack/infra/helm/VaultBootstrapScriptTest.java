package io.devstack.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import io.devstack.infra.vault.OpenBaoServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap Job's script, run against a real OpenBao with OpenBao's CLI as {@code vault}: it initialises
 * (keys kept, as with {@code vault.storeUnsealKeysInSecret}), configures Vault like the Java bootstrap, and
 * hands every client an AppRole that reads exactly its own secrets. Run again on the restarted (sealed) server
 * with the kept keys, it unseals, changes no password, and issues fresh secret-ids. No secret reaches its log.
 */
class VaultBootstrapScriptTest {

    @RegisterExtension
    static final OpenBaoServer BAO = new OpenBaoServer();

    private static final VaultLayout LAYOUT = VaultLayout.standard();
    private static final Pattern TOKEN = Pattern.compile("\"client_token\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void configuresVaultLikeTheJavaBootstrapAndGivesEveryClientItsOwnAppRole() throws Exception {
        Path chart = RenderedChart.write(Set.of(), dir.resolve("chart"));
        Path script = chart.resolve(ChartFiles.CONFIG_DIR + "vault-bootstrap.sh");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("vault"), BAO.binary());

        Path first = dir.resolve("out-1");
        Run run = run(script, bin, first, dir.resolve("no-keys-yet"));
        assertThat(run.exit()).as(run.output()).isZero();
        String rootToken = Files.readString(first.resolve("vault-keys/root-token"));
        assertThat(run.output()).contains("initialised (5 shares, threshold 3)").doesNotContain(rootToken);
        String postgresPassword = read(rootToken, "postgres").get("password");

        for (AppRoleSpec client : LAYOUT.clients()) {
            Path approle = first.resolve("approle-" + client.name());
            assertThat(run.output()).doesNotContain(Files.readString(approle.resolve("secret-id")));
            String token = login(approle);
            for (SecretSpec secret : LAYOUT.secrets()) {
                int expected = client.readableSecrets().contains(secret.name()) ? 200 : 403;
                assertThat(get(token, "/v1/" + secret.dataPath()).statusCode())
                        .as("%s reads %s", client.name(), secret.name())
                        .isEqualTo(expected);
            }
        }
        String kustomization = Files.readString(first.resolve("kustomization.yaml"));
        LAYOUT.clients()
                .forEach(c -> assertThat(kustomization).contains("- name: " + ServiceTemplate.appRoleSecret(c.name())));
        assertThat(kustomization).contains("- name: devstack-vault-keys", "- name: devstack-prometheus-vault-token");

        BAO.stop();
        BAO.start(); // sealed again, as after a pod restart
        Path second = dir.resolve("out-2");
        run = run(script, bin, second, first.resolve("vault-keys"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("unsealed with the key shares").doesNotContain("created secret/");
        assertThat(read(rootToken, "postgres").get("password")).isEqualTo(postgresPassword);
        assertThat(login(second.resolve("approle-api-spring"))).isNotBlank();
    }

    record Run(int exit, String output) {}

    private static Run run(Path script, Path bin, Path out, Path keys) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("VAULT_ADDR", BAO.address().toString());
        env.put("DEVSTACK_OUT", out.toString());
        env.put("DEVSTACK_KEYS_DIR", keys.toString());
        env.put("DEVSTACK_TOKEN_DIR", out.resolveSibling("no-token").toString());
        env.put("DEVSTACK_STORE_UNSEAL_KEYS", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), output);
    }

    private static String login(Path approle) throws IOException, InterruptedException {
        String body = "{\"role_id\":\"" + Files.readString(approle.resolve("role-id")) + "\",\"secret_id\":\""
                + Files.readString(approle.resolve("secret-id")) + "\"}";
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(BAO.address().resolve("/v1/auth/approle/login"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        Matcher token = TOKEN.matcher(response.body());
        assertThat(token.find())
                .as("AppRole login of %s: %s", approle, response.statusCode())
                .isTrue();
        return token.group(1);
    }

    private static Map<String, String> read(String token, String secret) throws IOException, InterruptedException {
        String body = get(token, "/v1/secret/data/" + secret).body();
        Matcher password = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return password.find() ? Map.of("password", password.group(1)) : Map.of();
    }

    private static HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(BAO.address().resolve(path))
                .header("X-Vault-Token", token)
                .GET()
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
