package io.devstack.common.vault;

import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import org.springframework.vault.support.CertificateBundle;

/**
 * A certificate issued by Vault PKI with its private key, as PEM (what Vert.x, Helidon and Spring SSL bundles take)
 * and as a {@link KeyStore} (what Jetty and Netty take).
 */
public record IssuedCertificate(
        String certificatePem,
        String privateKeyPem,
        String privateKeyType,
        String issuingCaPem,
        List<String> caChainPem,
        Instant expiresAt,
        String serialNumber) {

    public IssuedCertificate {
        caChainPem = List.copyOf(caChainPem);
    }

    static IssuedCertificate from(CertificateBundle bundle) {
        List<String> chain = bundle.getCaChain() == null ? List.of() : bundle.getCaChain();
        Instant expiresAt = bundle.getX509Certificate().getNotAfter().toInstant();
        return new IssuedCertificate(
                bundle.getCertificate(),
                bundle.getPrivateKey(),
                bundle.getPrivateKeyType(),
                bundle.getIssuingCaCertificate(),
                chain,
                expiresAt,
                bundle.getSerialNumber());
    }

    /** Certificate then intermediates, the order a TLS server sends them in. */
    public String fullChainPem() {
        StringBuilder pem = new StringBuilder(certificatePem.strip()).append('\n');
        if (caChainPem.isEmpty()) {
            pem.append(issuingCaPem.strip()).append('\n');
        } else {
            caChainPem.forEach(ca -> pem.append(ca.strip()).append('\n'));
        }
        return pem.toString();
    }

    /** A PKCS#12 key store holding the key under {@code alias}, protected by {@code password}. */
    public KeyStore keyStore(String alias, char[] password) {
        return CertificateBundle.of(serialNumber, certificatePem, issuingCaPem, privateKeyPem, privateKeyType)
                .createKeyStore(alias, true, password);
    }

    @Override
    public String toString() {
        // never print the private key
        return "IssuedCertificate[serial=" + serialNumber + ", expiresAt=" + expiresAt + "]";
    }
}
