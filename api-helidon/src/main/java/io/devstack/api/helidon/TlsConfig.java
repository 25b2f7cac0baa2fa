package io.devstack.api.helidon;

import io.devstack.common.vault.IssuedCertificate;
import io.helidon.common.tls.Tls;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * HTTPS from the certificate Vault PKI issued at startup; reloaded into the socket on renewal. Key and chain are
 * taken from common's in-memory key store: the bundle's text fields are not all PEM (Spring Vault asks Vault for
 * DER), and Helidon's PEM reader takes PKCS#8 keys only.
 */
final class TlsConfig {

    /** The named socket serving HTTPS next to the default (HTTP) one. */
    static final String SOCKET = "https";
    private static final String ALIAS = "api-helidon";
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsConfig() {}

    static Tls tls(IssuedCertificate certificate) {
        try {
            KeyStore store = certificate.keyStore(ALIAS, IN_MEMORY);
            return Tls.builder()
                    .privateKey((PrivateKey) store.getKey(ALIAS, IN_MEMORY))
                    .privateKeyCertChain(Arrays.stream(store.getCertificateChain(ALIAS))
                            .map(X509Certificate.class::cast).toList())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TLS certificate issued by Vault PKI is unusable: " + e.getMessage(), e);
        }
    }
}
