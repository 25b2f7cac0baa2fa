package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.TestTls;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production server as {@code main} builds it: HTTP and, with TLS_ENABLED, HTTPS with the Vault PKI certificate.
 */
class ApplicationTest {

    @Test
    void servesHttpAndHttpsWithTheCertificateIssuedByVault() throws Exception {
        Map<String, String> env = new HashMap<>(NativeStack.shared().apiEnvironment(ApiModule.HELIDON.moduleName()));
        env.put("TLS_ENABLED", "true");
        env.put("HTTP_PORT", Integer.toString(TestTls.freePort()));
        env.put("HTTPS_PORT", Integer.toString(TestTls.freePort()));
        ApiSettings settings = ApiSettings.fromEnvironment(env, ApiModule.HELIDON);

        try (ApiServices services = ApiServices.start(settings, Application.implementation())) {
            WebServer server = Application.create(services).start();
            try {
                HttpClient client = HttpClient.newBuilder()
                        .sslContext(TestTls.trusting(services.tls().current().issuingCaPem()))
                        .build();

                HttpResponse<String> http = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.httpPort() + "/health/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> https = client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + settings.httpsPort() + "/health/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

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
}
