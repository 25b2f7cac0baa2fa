package io.devstack.common.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.common.http.PermissionDeniedException;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.stack.StackFixture;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AppRole login, renewal, re-login and least privilege against the stack's real Vault (OpenBao). */
class VaultAppRoleIntegrationTest {

    private static final List<String> API_SECRETS =
            List.of("postgres", "mysql", "mongodb", "redis-1", "redis-2", "redis-3", "rabbitmq");

    /** The guard every Vault operation runs under; one for the class, its virtual threads need no closing. */
    private static final BackendCalls CALLS = new BackendCalls(Duration.ofSeconds(5), new ApiMetrics());

    private static VaultClient login(ApiModule module) {
        ApiSettings settings = StackFixture.settings(module);
        return VaultClient.appRole(settings.vaultAddress(), settings.vaultAppRoleDir(), CALLS);
    }

    @Test
    void theApiLogsInWithItsOwnAppRoleAndRenewsItsToken() throws InterruptedException {
        try (VaultClient vault = login(ApiModule.SPRING)) {
            Map<String, Object> token = vault.lookupSelf();
            List<String> policies = ((List<?>) token.get("policies"))
                    .stream().map(String::valueOf).toList();
            assertThat(policies)
                    .anySatisfy(p -> assertThat(p).contains("api-spring"))
                    .doesNotContain("root");
            long ttlBefore = ((Number) token.get("ttl")).longValue();
            assertThat(ttlBefore).isPositive();

            Thread.sleep(2_100);
            long ttlBeforeRenewal = ((Number) vault.lookupSelf().get("ttl")).longValue();
            assertThat(vault.renewToken()).isTrue();

            Map<String, Object> renewed = vault.lookupSelf();
            assertThat(renewed.get("accessor")).as("same token, renewed").isEqualTo(token.get("accessor"));
            assertThat(((Number) renewed.get("ttl")).longValue()).isGreaterThan(ttlBeforeRenewal);
        }
    }

    @Test
    void aRevokedTokenFailsRenewalAndIsReplacedByANewLogin() {
        try (VaultClient vault = login(ApiModule.SPRING)) {
            String accessor = String.valueOf(vault.lookupSelf().get("accessor"));

            StackFixture.revokeToken(accessor);

            assertThat(vault.renewToken())
                    .as("renewing a revoked token fails, and the token is dropped")
                    .isFalse();
            assertThat(vault.readSecret("postgres")).containsKeys("user", "password", "database");
            assertThat(vault.lookupSelf().get("accessor")).isNotEqualTo(accessor);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiModule.class)
    void eachApiRoleReadsExactlyItsSecretsAndIsDeniedForgejo(ApiModule module) {
        try (VaultClient vault = login(module)) {
            for (String name : API_SECRETS) {
                assertThat(vault.readSecret(name)).as(module + " reads " + name).isNotEmpty();
            }
            String accessor = String.valueOf(vault.lookupSelf().get("accessor"));

            assertThatThrownBy(() -> vault.readSecret("forgejo"))
                    .isInstanceOfSatisfying(
                            PermissionDeniedException.class,
                            e -> assertThat(e.details())
                                    .containsEntry("service", "vault")
                                    .containsEntry("secret_path", "secret/forgejo"));
            // a policy denial must not be mistaken for a dead token
            assertThat(vault.lookupSelf().get("accessor")).isEqualTo(accessor);
        }
    }

    @Test
    void theApiIssuesItsHttpsCertificateFromPki() throws Exception {
        try (VaultClient vault = login(ApiModule.JAVALIN)) {
            IssuedCertificate issued = vault.issueCertificate(
                    "api-javalin-role",
                    "api-javalin",
                    List.of("api-javalin", "localhost"),
                    List.of("127.0.0.1"),
                    Duration.ofHours(1));

            assertThat(issued.expiresAt())
                    .isBetween(Instant.now().plusSeconds(3000), Instant.now().plusSeconds(3700));
            assertThat(issued.fullChainPem()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(issued.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(issued.toString()).doesNotContain("PRIVATE KEY");
            KeyStore store = issued.keyStore("api", "changeit".toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate("api");
            assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=api-javalin");
            List<String> sans = certificate.getSubjectAlternativeNames().stream()
                    .map(san -> String.valueOf(san.get(1)))
                    .toList();
            assertThat(sans).contains("api-javalin", "localhost", "127.0.0.1");
            assertThat(store.getKey("api", "changeit".toCharArray())).isNotNull();
        }
    }
}
