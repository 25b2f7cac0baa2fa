package io.devstack.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What the five APIs' HTTPS tests share: a client that trusts only one DevStack CA (never the JDK's defaults, so a
 * passing handshake proves the Vault-issued chain), and free ports for a second listener.
 */
public final class TestTls {

    private TestTls() {}

    /** An SSL context whose only trust anchor is {@code ca}. */
    public static SSLContext trusting(Certificate ca) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("devstack-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store for " + ca.getType() + " CA: " + e, e);
        }
    }

    /** An SSL context whose only trust anchor is the PEM certificate {@code caPem}. */
    public static SSLContext trusting(String caPem) {
        try {
            return trusting(CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** A loopback port free right now (the OS picks it), for a listener a test starts next. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
