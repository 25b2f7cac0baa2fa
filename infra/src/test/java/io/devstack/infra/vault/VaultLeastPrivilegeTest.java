package io.devstack.infra.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.CertificateBundle;
import org.springframework.vault.support.VaultCertificateRequest;
import org.springframework.vault.support.VaultResponse;

/** Every client logs in with its own AppRole files and gets exactly what the layout grants, nothing more. */
class VaultLeastPrivilegeTest {

    @RegisterExtension
    static final OpenBaoServer BAO = new OpenBaoServer();

    private static final VaultLayout LAYOUT = VaultLayout.standard();
    private static final List<String> PROGRESS = new ArrayList<>();
    private static VaultAdmin admin;

    @BeforeAll
    static void bootstrap() {
        admin = new VaultLifecycle(BAO.address(), BAO.home(), PROGRESS::add).ensureReady();
    }

    static List<AppRoleSpec> clients() {
        return LAYOUT.clients();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void clientReadsExactlyItsOwnSecrets(AppRoleSpec client) throws IOException {
        VaultOperations vault = VaultCalls.withToken(BAO.address(), login(client));

        for (SecretSpec secret : LAYOUT.secrets()) {
            if (client.readableSecrets().contains(secret.name())) {
                VaultResponse response = vault.read(secret.dataPath());
                assertThat(response)
                        .as(client.name() + " reads " + secret.name())
                        .isNotNull();
                assertThat(((Map<?, ?>) response.getRequiredData().get("data"))
                                .keySet().stream().map(Object::toString))
                        .containsExactlyInAnyOrderElementsOf(secret.fields().keySet());
            } else {
                assertThatThrownBy(() -> vault.read(secret.dataPath()))
                        .as(client.name() + " is refused " + secret.name())
                        .isInstanceOf(VaultException.class)
                        .hasMessageContaining("Status 403");
            }
        }
    }

    @Test
    void apiRoleIssuesCertificatesFromItsOwnRoleOnly() throws Exception {
        AppRoleSpec spring = LAYOUT.client("api-spring").orElseThrow();
        VaultOperations vault = VaultCalls.withToken(BAO.address(), login(spring));

        CertificateBundle bundle = vault.opsForPki("pki_int")
                .issueCertificate(
                        spring.pkiRoleName(),
                        VaultCertificateRequest.builder()
                                .commonName("localhost")
                                .withAltName("api-spring")
                                .withIpSubjectAltName("127.0.0.1")
                                .build())
                .getRequiredData();

        X509Certificate certificate = bundle.getX509Certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames().stream()
                        .map(san -> san.get(1).toString()))
                .contains("localhost", "api-spring", "127.0.0.1");
        assertThat(Duration.between(Instant.now(), certificate.getNotAfter().toInstant())
                        .toDays())
                .isBetween(364L, 366L);
        X509Certificate intermediate = bundle.getX509IssuerCertificate();
        assertThat(intermediate.getSubjectX500Principal().getName()).isEqualTo("CN=DevStack Intermediate CA");
        assertThat(intermediate.getIssuerX500Principal().getName()).isEqualTo("CN=DevStack Root CA");
        certificate.verify(intermediate.getPublicKey()); // throws unless the intermediate signed it
        assertThat(bundle.getCaChain()).hasSize(2);

        assertThatThrownBy(() -> vault.opsForPki("pki_int")
                        .issueCertificate(
                                "api-micronaut-role",
                                VaultCertificateRequest.builder()
                                        .commonName("localhost")
                                        .build()))
                .hasMessageContaining("Status 403");
        assertThatThrownBy(() -> vault.opsForPki("pki_int")
                        .issueCertificate(
                                spring.pkiRoleName(),
                                VaultCertificateRequest.builder()
                                        .commonName("example.com")
                                        .build()))
                .hasMessageContaining("Status 400");
        // only its own names: not another client's, no subdomain or wildcard, no IP but loopback
        for (VaultCertificateRequest foreign : List.of(
                VaultCertificateRequest.builder().commonName("api-micronaut").build(),
                VaultCertificateRequest.builder().commonName("postgres").build(),
                VaultCertificateRequest.builder().commonName("x.api-spring").build(),
                VaultCertificateRequest.builder().commonName("*.localhost").build(),
                VaultCertificateRequest.builder()
                        .commonName("localhost")
                        .withIpSubjectAltName("10.0.0.5")
                        .build(),
                VaultCertificateRequest.builder()
                        .commonName("localhost")
                        .withIpSubjectAltName("0.0.0.0")
                        .build())) {
            assertThatThrownBy(() -> vault.opsForPki("pki_int").issueCertificate(spring.pkiRoleName(), foreign))
                    .as(foreign.getCommonName() + " " + foreign.getIpSubjectAltNames())
                    .hasMessageContaining("Status 400");
        }
        assertThat(vault.opsForPki("pki_int")
                        .issueCertificate(
                                spring.pkiRoleName(),
                                VaultCertificateRequest.builder()
                                        .commonName("api-spring")
                                        .withIpSubjectAltName("::1")
                                        .build())
                        .getRequiredData()
                        .getX509Certificate()
                        .getSubjectX500Principal()
                        .getName())
                .isEqualTo("CN=api-spring");
    }

    @Test
    void launchersGetServerCertificatesWithTheWholeChain(@TempDir Path dir) throws Exception {
        ServerCertificate issued = admin.issueCertificate("postgres");
        issued.writeTo(dir);

        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate certificate;
        try (var in = Files.newInputStream(dir.resolve(ServerCertificate.CERT_FILE))) {
            certificate = (X509Certificate) x509.generateCertificate(in);
        }
        List<X509Certificate> chain;
        try (var in = Files.newInputStream(dir.resolve(ServerCertificate.CA_FILE))) {
            chain = x509.generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        }
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=postgres");
        assertThat(certificate.getSubjectAlternativeNames().stream()
                        .map(san -> san.get(1).toString()))
                .contains("postgres", "localhost", "127.0.0.1");
        assertThat(chain)
                .extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=DevStack Intermediate CA", "CN=DevStack Root CA");
        certificate.verify(chain.get(0).getPublicKey());
        chain.get(0).verify(chain.get(1).getPublicKey());
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(ServerCertificate.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve(ServerCertificate.KEY_FILE))).startsWith("-----BEGIN");
        assertThat(issued.toString()).doesNotContain(issued.privateKey());
    }

    @Test
    void appRoleTokenLivesOneHourAndRenewsItself() throws IOException {
        VaultOperations vault = VaultCalls.withToken(
                BAO.address(), login(LAYOUT.client("api-vertx").orElseThrow()));

        Map<String, Object> self = vault.read("auth/token/lookup-self").getRequiredData();
        assertThat(((Number) self.get("ttl")).longValue()).isCloseTo(3600L, within(60L));
        assertThat(self.get("renewable")).isEqualTo(true);
        assertThat(self.get("policies").toString()).contains("api-vertx-policy");

        VaultResponse renewed = vault.write("auth/token/renew-self", Map.of());
        assertThat(((Number) renewed.getAuth().get("lease_duration")).longValue())
                .isCloseTo(3600L, within(60L));
    }

    @Test
    void failuresNameTheStepButNeverTheSecret() throws IOException {
        String sentinel = Passwords.generate();
        VaultOperations root = admin.operations();

        // a create-only write of a secret that exists: Vault refuses it, and the password sent must not surface
        assertThatThrownBy(() -> VaultCalls.during(
                        "writing secret/postgres",
                        () -> root.write(
                                "secret/data/postgres",
                                Map.of("options", Map.of("cas", 0), "data", Map.of("password", sentinel)))))
                .isInstanceOf(VaultSetupException.class)
                .hasMessageStartingWith("vault: writing secret/postgres failed: ")
                .hasMessageContaining("check-and-set")
                .satisfies(
                        e -> assertThat(messagesOf(e)).doesNotContain(sentinel).doesNotContain(admin.rootToken()));

        String clientToken = login(LAYOUT.client("redis-exporter-1").orElseThrow());
        VaultOperations exporter = VaultCalls.withToken(BAO.address(), clientToken);
        assertThatThrownBy(() -> VaultCalls.during("reading secret/mysql", () -> exporter.read("secret/data/mysql")))
                .hasMessageContaining("permission denied")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(clientToken));

        assertThatThrownBy(() -> admin.writeSecret("postgres", Map.of("password", sentinel, "tls_enabled", "yes")))
                .hasMessage("postgres.tls_enabled must be true or false");
        assertThat(admin.readSecret("postgres").get("password")).isNotEqualTo(sentinel);
    }

    @Test
    void progressNeverShowsAKeyTokenPasswordOrSecretId() throws IOException {
        String shown = String.join("\n", PROGRESS);
        InitKeys keys = InitKeys.read(admin.initFile());
        assertThat(shown).doesNotContain(keys.rootToken());
        keys.keys().forEach(key -> assertThat(shown).doesNotContain(key));
        for (SecretSpec secret : LAYOUT.secrets()) {
            admin.readSecret(secret.name()).forEach((field, value) -> {
                if (field.contains("password")) {
                    assertThat(shown).doesNotContain(value);
                }
            });
        }
        for (AppRoleSpec client : LAYOUT.clients()) {
            assertThat(shown)
                    .doesNotContain(Files.readString(
                            BAO.home().approleDir(client.name()).resolve("secret-id")));
        }
        assertThat(admin.toString()).doesNotContain(admin.rootToken());
        assertThat(keys.toString()).doesNotContain(keys.rootToken());
    }

    /** Logs in the way a service does: with the two files written for it, and nothing else. */
    private static String login(AppRoleSpec client) throws IOException {
        var dir = BAO.home().approleDir(client.name());
        VaultResponse response = VaultCalls.anonymous(BAO.address())
                .write(
                        "auth/approle/login",
                        Map.of(
                                "role_id", Files.readString(dir.resolve("role-id")),
                                "secret_id", Files.readString(dir.resolve("secret-id"))));
        return (String) response.getAuth().get("client_token");
    }

    private static String messagesOf(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
