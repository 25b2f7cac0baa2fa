package io.devstack.api.javalin;

import io.devstack.common.vault.IssuedCertificate;
import io.devstack.common.vault.TlsCertificates;
import io.javalin.config.JettyConfig;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS on a second Jetty connector with the certificate Vault PKI issues at startup; a renewed certificate is
 * swapped into the running connector. (Jetty's own SslContextFactory: Javalin's SSL plugin is not used.)
 * Javalin adds its default HTTP connector only when none is configured, so with HTTPS both connectors are added
 * here, HTTP first (the one {@code Javalin.port()} reports).
 */
final class TlsConfig {

    private static final Logger LOG = LoggerFactory.getLogger(TlsConfig.class);
    private static final String ALIAS = "api-javalin";

    private TlsConfig() {}

    /** Adds both connectors; the certificate is issued when the server starts, not when it is configured. */
    static void install(JettyConfig jetty, TlsCertificates certificates, String host, int httpPort, int httpsPort) {
        jetty.addConnector((server, httpConfiguration) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
            connector.setHost(host);
            connector.setPort(httpPort);
            return connector;
        });
        jetty.addConnector((server, httpConfiguration) -> {
            // the key store lives only in memory; its password only protects it there
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            useCertificate(ssl, certificates.current(), password);
            certificates.onRenewal(renewed -> reload(ssl, renewed, password));

            HttpConfiguration https = new HttpConfiguration(httpConfiguration);
            https.addCustomizer(new SecureRequestCustomizer());
            ServerConnector connector = new ServerConnector(
                    server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(httpsPort);
            return connector;
        });
    }

    private static void useCertificate(SslContextFactory ssl, IssuedCertificate certificate, String password) {
        ssl.setKeyStore(certificate.keyStore(ALIAS, password.toCharArray()));
        ssl.setKeyStorePassword(password);
        ssl.setCertAlias(ALIAS);
    }

    private static void reload(SslContextFactory.Server ssl, IssuedCertificate renewed, String password) {
        try {
            ssl.reload(factory -> useCertificate(factory, renewed, password));
            LOG.info("HTTPS now serves the renewed certificate {}", renewed.serialNumber());
        } catch (Exception e) {
            LOG.warn("Swapping in the renewed certificate failed, HTTPS keeps the current one: {}", e.toString());
        }
    }
}
