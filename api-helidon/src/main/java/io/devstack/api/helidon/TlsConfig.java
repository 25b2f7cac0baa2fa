package io.devstack.api.helidon;

import io.devstack.common.vault.IssuedCertificate;
import io.helidon.common.configurable.Resource;
import io.helidon.common.tls.Tls;

/** HTTPS from the certificate Vault PKI issued at startup (PEM, PKCS#8 key); reloaded into the socket on renewal. */
final class TlsConfig {

    /** The named socket serving HTTPS next to the default (HTTP) one. */
    static final String SOCKET = "https";

    private TlsConfig() {}

    static Tls tls(IssuedCertificate certificate) {
        return Tls.builder()
                .privateKey(
                        keys -> keys.pem(pem -> pem.key(Resource.create("Vault PKI key", certificate.privateKeyPem()))))
                .privateKeyCertChain(keys -> keys.pem(pem ->
                        pem.certChain(Resource.create("Vault PKI certificate chain", certificate.fullChainPem()))))
                .build();
    }
}
