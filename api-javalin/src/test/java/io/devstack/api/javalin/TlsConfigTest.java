package io.devstack.api.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.vault.IssuedCertificate;
import io.devstack.testsupport.TestTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsConfigTest {

    private static RunningApi api;
    private static int httpsPort;

    @BeforeAll
    static void startWithTls() throws IOException {
        // with HTTPS the app binds the configured ports (start(0) only sets the port of Javalin's default connector)
        int httpPort = TestTls.freePort();
        httpsPort = TestTls.freePort();
        api = RunningApi.start(Map.of(
                "TLS_ENABLED",
                "true",
                "HTTP_PORT",
                Integer.toString(httpPort),
                "HTTPS_PORT",
                Integer.toString(httpsPort)));
        assertThat(api.app.port()).isEqualTo(httpPort);
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
                HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/health/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
        X509Certificate served =
                (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served.getNotAfter().toInstant()).isEqualTo(issued.expiresAt());
        List<String> sans = served.getSubjectAlternativeNames().stream()
                .map(san -> String.valueOf(san.get(1)))
                .toList();
        assertThat(sans).contains("api-javalin", "localhost", "127.0.0.1");
    }

    @Test
    void plainHttpKeepsServingNextToHttps() {
        assertThat(api.get("/health/").statusCode()).isEqualTo(200);
    }

    /**
     * An SSL context that trusts only the CA that issued {@code issued}, taken from the key store common builds
     * (the bundle's text fields may be PEM or base64 DER depending on the requested format).
     */
    private static SSLContext trusting(IssuedCertificate issued) throws Exception {
        char[] password = "test-only".toCharArray();
        Certificate[] chain = issued.keyStore("served", password).getCertificateChain("served");
        assertThat(chain).hasSizeGreaterThan(1);
        return TestTls.trusting(chain[chain.length - 1]);
    }
}
