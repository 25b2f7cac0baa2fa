package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.vault.IssuedCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TLS_ENABLED=true: HTTPS with the certificate Vault PKI issued, verified against Vault's CA and host name. */
@ExtendWith(VertxExtension.class)
class TlsConfigTest {

    private static Application app;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext ctx) {
        app = RunningApi.create(vertx, true);
        app.start().onComplete(ctx.succeedingThenComplete());
    }

    @AfterAll
    static void stop(VertxTestContext ctx) {
        RunningApi.stop(app, ctx);
    }

    @Test
    void httpsServesTheContractWithTheVaultIssuedCertificate(Vertx vertx, VertxTestContext ctx) {
        IssuedCertificate certificate = app.services().tls().current();
        WebClient https = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setSsl(true)
                        .setVerifyHost(true)
                        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificate.issuingCaPem())))
                        .setDefaultHost("localhost")
                        .setDefaultPort(app.services().settings().httpsPort()));
        verify(ctx, https.get("/health/").putHeader("X-Request-ID", "tls-1").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(response.getHeader("X-Request-ID")).isEqualTo("tls-1");
        });
    }

    @Test
    void plainHttpKeepsServingAlongside(Vertx vertx, VertxTestContext ctx) {
        verify(
                ctx,
                RunningApi.client(vertx, app).get("/health/").send(),
                response -> assertThat(response.statusCode()).isEqualTo(200));
    }
}
