package io.devstack.api.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.vault.IssuedCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsConfigTest {

    private static RunningApi api;
    private static int httpsPort;

    @BeforeAll
    static void startWithTls() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            httpsPort = free.getLocalPort();
        }
        api = RunningApi.start(Map.of("TLS_ENABLED", "true", "HTTPS_PORT", Integer.toString(httpsPort)));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void httpsServesTheVaultIssuedCertificate() throws Exception {
        IssuedCertificate issued = api.services.tls().current();
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(issued)).build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/health/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
        X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served.getSerialNumber().toString(16))
                .isEqualToIgnoringCase(issued.serialNumber().replace(":", "").replaceFirst("^0+", ""));
        assertThat(served.getSubjectAlternativeNames()).extracting(san -> san.get(1))
                .contains("api-javalin", "localhost", "127.0.0.1");
    }

    @Test
    void plainHttpKeepsServingNextToHttps() {
        assertThat(api.get("/health/").statusCode()).isEqualTo(200);
    }

    /** An SSL context that trusts only the CA that issued {@code issued} (Vault's intermediate and its chain). */
    private static SSLContext trusting(IssuedCertificate issued) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        List<String> authorities = issued.caChainPem().isEmpty() ? List.of(issued.issuingCaPem()) : issued.caChainPem();
        for (int i = 0; i < authorities.size(); i++) {
            trust.setCertificateEntry("ca-" + i, x509.generateCertificate(
                    new ByteArrayInputStream(authorities.get(i).getBytes(StandardCharsets.US_ASCII))));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
