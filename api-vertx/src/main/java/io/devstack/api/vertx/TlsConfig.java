package io.devstack.api.vertx;

import io.devstack.common.vault.IssuedCertificate;
import io.devstack.common.vault.TlsCertificates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS from the certificate Vault PKI issued at startup, given to Vert.x as PEM (full chain + PKCS#8 key) and
 * swapped into the running server when common re-issues it, without a restart or a dropped connection.
 */
final class TlsConfig {

    private static final Logger LOG = LoggerFactory.getLogger(TlsConfig.class);

    private TlsConfig() {}

    static HttpServerOptions httpsOptions(IssuedCertificate certificate) {
        return new HttpServerOptions().setSsl(true).setKeyCertOptions(keyCert(certificate));
    }

    /** Each renewed certificate goes into {@code server}; connections already open keep the old one. */
    static void renewOn(HttpServer server, TlsCertificates certificates) {
        certificates.onRenewal(renewed -> server.updateSSLOptions(
                        new ServerSSLOptions().setKeyCertOptions(keyCert(renewed)))
                .onSuccess(updated -> LOG.info("HTTPS now serves certificate {}", renewed.serialNumber()))
                .onFailure(e -> LOG.warn(
                        "HTTPS keeps its current certificate; the renewed one was refused: {}", e.getMessage())));
    }

    private static PemKeyCertOptions keyCert(IssuedCertificate certificate) {
        return new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificate.fullChainPem()))
                .setKeyValue(Buffer.buffer(certificate.privateKeyPem()));
    }
}
