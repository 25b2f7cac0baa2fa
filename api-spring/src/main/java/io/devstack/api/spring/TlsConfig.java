package io.devstack.api.spring;

import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.vault.IssuedCertificate;
import io.devstack.common.vault.TlsCertificates;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code TLS_ENABLED=true}, a second Tomcat connector serves HTTPS on {@code HTTPS_PORT} with the certificate
 * Vault PKI issues at startup, as a Spring Boot SSL bundle built from PEM. Each re-issued certificate is swapped
 * into the running connector (Boot's SSL-bundle reload), so HTTPS never serves an expired certificate.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfig {

    private static final Log LOG = LogFactory.getLog(TlsConfig.class);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpsConnector(
            ApiSettings settings, ApiServices services) {
        return factory -> {
            if (settings.tlsEnabled()) {
                Connector https = httpsConnector(settings.httpsPort(), services.tls());
                https.setProperty("address", settings.bindAddress());
                // Boot applies its connector customizers (and ours, see Application) to its own connector only
                factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(https));
                factory.addAdditionalConnectors(https);
            }
        };
    }

    private static Connector httpsConnector(int port, TlsCertificates certificates) {
        Connector connector = new Connector();
        connector.setPort(port);
        // Boot applies spring.threads.virtual.enabled to its own connector only
        connector.getProtocolHandler().setExecutor(new VirtualThreadExecutor("tomcat-https-"));
        SslConnectorCustomizer ssl = new SslConnectorCustomizer(LOG, connector, Ssl.ClientAuth.NONE);
        // issued now: without a certificate the API does not start (ApiStartup says why)
        ssl.customize(bundle(certificates.current()), Map.of());
        certificates.onRenewal(renewed -> ssl.update(null, bundle(renewed)));
        return connector;
    }

    private static SslBundle bundle(IssuedCertificate certificate) {
        PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificates(certificate.fullChainPem())
                .withPrivateKey(certificate.privateKeyPem());
        return SslBundle.of(new PemSslStoreBundle(keyStore, null));
    }
}
