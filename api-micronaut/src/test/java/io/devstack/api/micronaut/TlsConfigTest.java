package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.vault.IssuedCertificate;
import io.devstack.testsupport.NativeStack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** TLS_ENABLED=true: HTTPS with the certificate Vault PKI issued for api-micronaut, HTTP alongside. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsConfigTest implements TestPropertyProvider {

    private final int httpPort = freePort();
    private final int httpsPort = freePort();

    @Inject
    ApiServices services;

    /** The production mapping from settings to Micronaut properties, on free ports. */
    @Override
    public Map<String, String> getProperties() {
        ApiSettings settings = NativeStackSettings.settings(Map.of("TLS_ENABLED", "true",
                "HTTP_PORT", Integer.toString(httpPort), "HTTPS_PORT", Integer.toString(httpsPort)));
        Map<String, String> properties = new LinkedHashMap<>();
        Application.serverProperties(settings).forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return properties;
    }

    @Test
    void httpsServesTheVaultIssuedCertificateForThisModule() throws Exception {
        IssuedCertificate issued = services.tls().current();

        HttpResponse<String> response;
        try (HttpClient https = HttpClient.newBuilder().sslContext(trustingTheRootCa()).build()) {
            response = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/health/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served.getSubjectAlternativeNames()).contains(List.of(2, "api-micronaut"), List.of(2, "localhost"),
                List.of(7, "127.0.0.1"));
        assertThat(served.getNotAfter().toInstant()).isEqualTo(issued.expiresAt());
    }

    @Test
    void plainHttpKeepsServingAlongside() throws Exception {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Trusts only DevStack's root CA, as a client would: the server must send the intermediate itself. */
    private static SSLContext trustingTheRootCa() throws Exception {
        String rootPem;
        try (HttpClient http = HttpClient.newHttpClient()) {
            rootPem = http.send(HttpRequest.newBuilder(NativeStack.shared().vaultAddress().resolve("/v1/pki/ca/pem"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("devstack-root", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(rootPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
