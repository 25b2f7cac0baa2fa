package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.vault.IssuedCertificate;
import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.TestTls;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.convention.TestBean;

/** With TLS_ENABLED=true the application also serves HTTPS, with a certificate Vault PKI issued at startup. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsConfigTest {

    private static final int HTTPS_PORT = TestTls.freePort();

    @TestBean(name = "apiSettings", methodName = "tlsSettings")
    ApiSettings settings;

    @Autowired
    ApiServices services;

    static ApiSettings tlsSettings() {
        Map<String, String> env = new HashMap<>(NativeStack.shared().apiEnvironment("api-spring"));
        env.put("TLS_ENABLED", "true");
        env.put("HTTPS_PORT", Integer.toString(HTTPS_PORT));
        return ApiSettings.fromEnvironment(env, ApiModule.SPRING);
    }

    @Test
    void httpsAnswersWithTheCertificateVaultIssuedTrustedThroughVaultsCa() throws Exception {
        IssuedCertificate issued = services.tls().current();
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestTls.trusting(issued.issuingCaPem()))
                .build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + HTTPS_PORT + "/health/"))
                        .header("X-Request-ID", "tls-1")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("tls-1");
        X509Certificate served =
                (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served.getSerialNumber())
                .isEqualTo(new BigInteger(issued.serialNumber().replace(":", ""), 16));
        assertThat(served.getSubjectX500Principal().getName()).contains("CN=api-spring");
    }
}
