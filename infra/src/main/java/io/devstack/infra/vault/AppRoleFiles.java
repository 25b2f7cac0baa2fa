package io.devstack.infra.vault;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.model.AppRoleSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.VaultResponse;

/**
 * Keeps {@code approle/<client>/role-id} and {@code secret-id} (mode 0600) valid for every client.
 * A new secret-id is made only when the file is missing, Vault no longer knows it, or it expires within
 * a day; the old one stays valid, so a running service is never cut off.
 */
final class AppRoleFiles {

    static final String ROLE_ID = "role-id";
    static final String SECRET_ID = "secret-id";

    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private final VaultOperations vault;
    private final DevstackHome home;

    AppRoleFiles(VaultOperations vault, DevstackHome home) {
        this.vault = vault;
        this.home = home;
    }

    /** Returns true when a new secret-id was issued. */
    boolean ensure(AppRoleSpec client) {
        String rolePath = "auth/approle/role/" + client.appRoleName();
        Path dir = home.approleDir(client.name());

        String roleId = (String) data(
                        "reading the role-id of " + client.name(),
                        VaultCalls.during(
                                "reading the role-id of " + client.name(), () -> vault.read(rolePath + "/role-id")))
                .get("role_id");
        Path roleIdFile = dir.resolve(ROLE_ID);
        if (!roleId.equals(readIfPresent(roleIdFile))) {
            DevstackHome.writePrivateFile(roleIdFile, roleId);
        }

        Path secretIdFile = dir.resolve(SECRET_ID);
        String existing = readIfPresent(secretIdFile);
        if (existing != null && stillValid(client, rolePath, existing)) {
            return false;
        }
        String secretId = (String) data(
                        "issuing a secret-id for " + client.name(),
                        VaultCalls.during(
                                "issuing a secret-id for " + client.name(),
                                () -> vault.write(rolePath + "/secret-id", Map.of())))
                .get("secret_id");
        DevstackHome.writePrivateFile(secretIdFile, secretId);
        return true;
    }

    private boolean stillValid(AppRoleSpec client, String rolePath, String secretId) {
        // Vault answers 204 with no body for a secret-id it does not know (expired, or from another init)
        VaultResponse lookup = VaultCalls.during(
                "checking the secret-id of " + client.name(),
                () -> vault.write(rolePath + "/secret-id/lookup", Map.of("secret_id", secretId)));
        if (lookup == null || lookup.getData() == null) {
            return false;
        }
        Object expiration = lookup.getData().get("expiration_time");
        if (expiration == null || expiration.toString().startsWith("0001-")) {
            return true; // no expiry
        }
        return OffsetDateTime.parse(expiration.toString())
                .isAfter(OffsetDateTime.now().plus(RENEW_BEFORE));
    }

    private static Map<String, Object> data(String stage, VaultResponse response) {
        if (response == null || response.getData() == null) {
            throw new VaultSetupException("vault: " + stage + " failed: Vault returned no data");
        }
        return response.getData();
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
