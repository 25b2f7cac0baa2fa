package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.vault.IssuedCertificate;
import io.devstack.common.vault.TlsCertificates;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.ssl.CertificateProvider;
import io.micronaut.http.ssl.ServerSslConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Sinks;

/**
 * HTTPS from the certificate Vault PKI issues at startup. Micronaut 4.10's {@link CertificateProvider} takes
 * key stores as a stream, so each renewal common makes is handed to Netty without a restart. Micronaut decides
 * whether SSL is on from its own properties (conditions on {@code micronaut.server.ssl.enabled}), hence
 * {@link #properties}, which {@link Application} adds when {@code TLS_ENABLED=true}.
 */
@Singleton
@Named(TlsConfig.KEY_NAME)
@Requires(property = "micronaut.server.ssl.enabled", value = "true")
final class TlsConfig implements CertificateProvider {

    static final String KEY_NAME = "vault-pki";
    private static final String ALIAS = "api";

    private final TlsCertificates certificates;
    private final char[] password;

    TlsConfig(ApiServices services, ServerSslConfiguration ssl) {
        this.certificates = services.tls();
        this.password = ssl.getKey().getPassword().orElseThrow().toCharArray();
    }

    /** Micronaut properties serving HTTP and HTTPS side by side, keys from this provider. */
    static Map<String, Object> properties(ApiSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.dual-protocol", true);
        properties.put("micronaut.server.ssl.enabled", true);
        properties.put("micronaut.server.ssl.port", settings.httpsPort());
        properties.put("micronaut.server.ssl.key-name", KEY_NAME);
        // protects an in-memory key store only; a fresh random value per process
        properties.put("micronaut.server.ssl.key.password", UUID.randomUUID().toString());
        return properties;
    }

    @Override
    public Publisher<KeyStore> getKeyStore() {
        Sinks.Many<KeyStore> keyStores = Sinks.many().replay().latest();
        // issued now, on the subscribing thread, so the HTTPS listener never starts without a certificate (ApiStartup
        // says why)
        keyStores.tryEmitNext(keyStore(certificates.current()));
        certificates.onRenewal(renewed -> keyStores.tryEmitNext(keyStore(renewed)));
        return keyStores.asFlux();
    }

    @Override
    public String getName() {
        return KEY_NAME;
    }

    private KeyStore keyStore(IssuedCertificate certificate) {
        return certificate.keyStore(ALIAS, password);
    }
}
