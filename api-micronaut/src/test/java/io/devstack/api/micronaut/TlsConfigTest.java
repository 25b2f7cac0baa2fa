package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.vault.IssuedCertificate;
import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.TestTls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** TLS_ENABLED=true: HTTPS with the certificate Vault PKI issued for api-micronaut, HTTP alongside. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsConfigTest implements TestPropertyProvider {

    private final int httpPort = TestTls.freePort();
    private final int httpsPort = TestTls.freePort();

    @Inject
    ApiServices services;

    /** The production mapping from settings to Micronaut properties, on free ports. */
    @Override
    public Map<String, String> getProperties() {
        ApiSettings settings = NativeStackSettings.settings(Map.of(
                "TLS_ENABLED",
                "true",
                "HTTP_PORT",
                Integer.toString(httpPort),
                "HTTPS_PORT",
                Integer.toString(httpsPort)));
        Map<String, String> properties = new LinkedHashMap<>();
        Application.serverProperties(settings).forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return properties;
    }

    @Test
    void httpsServesTheVaultIssuedCertificateForThisModule() throws Exception {
        IssuedCertificate issued = services.tls().current();

        HttpResponse<String> response;
        try (HttpClient https =
                HttpClient.newBuilder().sslContext(trustingTheRootCa()).build()) {
            response = https.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/health/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        X509Certificate served =
                (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served.getSubjectAlternativeNames())
                .contains(List.of(2, "api-micronaut"), List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(served.getNotAfter().toInstant()).isEqualTo(issued.expiresAt());
    }

    @Test
    void plainHttpKeepsServingAlongside() throws Exception {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Trusts only DevStack's root CA, as a client would: the server must send the intermediate itself. */
    private static SSLContext trustingTheRootCa() throws Exception {
        String rootPem;
        try (HttpClient http = HttpClient.newHttpClient()) {
            rootPem = http.send(
                            HttpRequest.newBuilder(
                                            NativeStack.shared().vaultAddress().resolve("/v1/pki/ca/pem"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        return TestTls.trusting(rootPem);
    }
}
