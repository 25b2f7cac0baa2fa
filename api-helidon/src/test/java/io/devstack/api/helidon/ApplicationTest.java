package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The production server as {@code main} builds it: HTTP and, with TLS_ENABLED, HTTPS with the Vault PKI certificate. */
class ApplicationTest {

    @Test
    void servesHttpAndHttpsWithTheCertificateIssuedByVault() throws Exception {
        Map<String, String> env = new HashMap<>(NativeStack.shared().apiEnvironment(ApiModule.HELIDON.moduleName()));
        env.put("TLS_ENABLED", "true");
        env.put("HTTP_PORT", Integer.toString(freePort()));
        env.put("HTTPS_PORT", Integer.toString(freePort()));
        ApiSettings settings = ApiSettings.fromEnvironment(env, ApiModule.HELIDON);

        try (ApiServices services = ApiServices.start(settings, Application.implementation())) {
            WebServer server = Application.create(services).start();
            try {
                HttpClient client = HttpClient.newBuilder()
                        .sslContext(trusting(services.tls().current().issuingCaPem())).build();

                HttpResponse<String> http = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.httpPort() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> https = client.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + settings.httpsPort() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(http.body()).isEqualTo("{\"status\":\"ok\"}");
                assertThat(https.statusCode()).isEqualTo(200);
                assertThat(https.body()).isEqualTo("{\"status\":\"ok\"}");
                Certificate[] presentedChain = https.sslSession().orElseThrow().getPeerCertificates();
                assertThat(presentedChain).as("leaf and its issuing CA").hasSizeGreaterThanOrEqualTo(2);
                X509Certificate presented = (X509Certificate) presentedChain[0];
                assertThat(presented.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))))
                        .contains("api-helidon", "localhost", "127.0.0.1");
            } finally {
                server.stop();
            }
        }
    }

    /** Trusts only the Vault PKI CA that issues the APIs' certificates. */
    private static SSLContext trusting(String caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("vault-pki", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
