package io.devstack.infra.ops;

import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code devstack vault ca-cert}: the CA chain (intermediate, then root) that signs every certificate of the stack. */
public final class CaChain {

    private CaChain() {}

    /** PEM, from Vault's unauthenticated {@code pki_int/ca_chain}. */
    public static String pem() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(VaultLauncher.ADDRESS + "/v1/pki_int/ca_chain"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new StackException(
                    "Vault does not answer at " + VaultLauncher.ADDRESS + " — start the stack with " + "./devstack up",
                    StackException.EXIT_NOT_RUNNING);
        }
        if (response.statusCode() != 200 || !response.body().contains("BEGIN CERTIFICATE")) {
            throw new StackException(
                    "Vault has no CA chain at pki_int/ (HTTP " + response.statusCode()
                            + ") — run ./devstack up to bootstrap its PKI",
                    StackException.EXIT_FAILED);
        }
        return response.body().strip() + "\n";
    }
}
