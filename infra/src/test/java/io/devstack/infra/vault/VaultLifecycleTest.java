package io.devstack.infra.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Init, bootstrap, re-run and restart against a real OpenBao; runs in order because it follows one Vault's life. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VaultLifecycleTest {

    @RegisterExtension
    static final OpenBaoServer BAO = new OpenBaoServer();

    private static final VaultLayout LAYOUT = VaultLayout.standard();

    @Test
    @Order(1)
    void freshVaultIsInitialisedUnsealedAndBootstrapped() throws IOException {
        VaultLifecycle lifecycle = BAO.lifecycle();
        assertThat(lifecycle.status().initialized()).isFalse();
        List<String> steps = new ArrayList<>();
        lifecycle = new VaultLifecycle(BAO.address(), BAO.home(), steps::add);

        long start = System.nanoTime();
        VaultAdmin admin = lifecycle.ensureReady();
        System.out.printf("cold init + unseal + bootstrap: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(admin.status())
                .isEqualTo(
                        new VaultServerState(true, false, false, admin.status().version()));
        assertThat(steps)
                .contains(
                        "vault: unsealed",
                        "vault: bootstrap complete: 18 AppRoles (18 new secret-ids in "
                                + BAO.home().approleRoot() + ")");
        assertThat(steps.getFirst()).startsWith("vault: initialised (5 shares, threshold 3)");
        InitKeys keys = InitKeys.read(admin.initFile());
        assertThat(keys.keys()).hasSize(5);
        assertThat(String.join("\n", steps))
                .doesNotContain(keys.rootToken())
                .doesNotContain(keys.keys().getFirst());
        assertThat(mode(admin.initFile())).isEqualTo("rw-------");

        for (AppRoleSpec client : LAYOUT.clients()) {
            Path dir = BAO.home().approleDir(client.name());
            assertThat(mode(dir.resolve("role-id"))).as(client.name()).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("secret-id"))).as(client.name()).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("role-id"))).isNotBlank();
        }
        Map<String, String> postgres = admin.readSecret("postgres");
        assertThat(postgres)
                .containsEntry("user", "dev_admin")
                .containsEntry("database", "dev_database")
                .containsEntry("tls_enabled", "false");
        assertThat(postgres.get("password")).matches("[A-Za-z0-9]{25}");
        assertThat(admin.readSecret("mysql")).containsOnlyKeys("user", "password", "database", "tls_enabled");
        assertThat(admin.readSecret("mysql-root")).containsEntry("user", "root").containsKey("password");
        assertThat(admin.readSecret("redis-2").get("password"))
                .isEqualTo(admin.readSecret("redis-1").get("password"))
                .isEqualTo(admin.readSecret("redis-3").get("password"));
        assertThat(admin.readSecret("forgejo"))
                .containsEntry("admin_user", "devstack-admin")
                .containsEntry("admin_email", "admin@devstack.local");
        assertThat(admin.readSecret("rabbitmq")).containsEntry("vhost", "dev_vhost");
    }

    @Test
    @Order(2)
    void secondRunChangesNoPasswordRoleIdOrSecretId() throws IOException {
        VaultAdmin admin = BAO.lifecycle().ensureReady();
        Map<String, Map<String, String>> secretsBefore = secrets(admin);
        Map<String, String> filesBefore = approleFiles();

        List<String> steps = new ArrayList<>();
        long start = System.nanoTime();
        new VaultLifecycle(BAO.address(), BAO.home(), steps::add).ensureReady();
        System.out.printf("warm ensureReady: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(steps).containsExactly("vault: bootstrap complete: 18 AppRoles");
        assertThat(secrets(admin)).isEqualTo(secretsBefore);
        assertThat(approleFiles()).isEqualTo(filesBefore);
    }

    @Test
    @Order(3)
    void restartedVaultComesBackSealedAndIsUnsealedWithItsDataIntact() throws Exception {
        VaultLifecycle lifecycle = BAO.lifecycle();
        Map<String, Map<String, String>> before = secrets(lifecycle.ensureReady());

        BAO.restart();
        assertThat(lifecycle.status().sealed()).isTrue();

        List<String> steps = new ArrayList<>();
        long start = System.nanoTime();
        VaultAdmin admin = new VaultLifecycle(BAO.address(), BAO.home(), steps::add).ensureReady();
        System.out.printf("restart: unseal + ensureReady: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(steps).containsExactly("vault: unsealed", "vault: bootstrap complete: 18 AppRoles");
        assertThat(admin.status().sealed()).isFalse();
        assertThat(secrets(admin)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void missingOrRevokedSecretIdIsReplacedAndNothingElse() throws IOException {
        DevstackHome home = BAO.home();
        Path vectorSecretId = home.approleDir("vector").resolve("secret-id");
        Path pgbouncerSecretId = home.approleDir("pgbouncer").resolve("secret-id");
        String pgbouncerBefore = Files.readString(pgbouncerSecretId);
        Map<String, String> othersBefore = approleFiles();
        othersBefore.keySet().removeIf(key -> key.startsWith("vector/") || key.startsWith("pgbouncer/"));
        Files.delete(vectorSecretId);
        DevstackHome.writePrivateFile(pgbouncerSecretId, "00000000-0000-0000-0000-000000000000");

        List<String> steps = new ArrayList<>();
        new VaultLifecycle(BAO.address(), home, steps::add).ensureReady();

        assertThat(steps)
                .containsExactly(
                        "vault: bootstrap complete: 18 AppRoles (2 new secret-ids in " + home.approleRoot() + ")");
        assertThat(vectorSecretId).exists();
        assertThat(Files.readString(pgbouncerSecretId))
                .isNotEqualTo(pgbouncerBefore)
                .isNotEqualTo("00000000-0000-0000-0000-000000000000");
        Map<String, String> othersAfter = approleFiles();
        othersAfter.keySet().removeIf(key -> key.startsWith("vector/") || key.startsWith("pgbouncer/"));
        assertThat(othersAfter).isEqualTo(othersBefore);
    }

    @Test
    @Order(5)
    void deletedSecretIsRecreatedAndTheOthersKeepTheirPasswords() {
        VaultAdmin admin = BAO.lifecycle().ensureReady();
        Map<String, Map<String, String>> before = secrets(admin);
        admin.operations().delete("secret/data/mongodb"); // soft delete of the latest version, as `bao kv delete` does

        new VaultLifecycle(BAO.address(), BAO.home(), Progress.SILENT).ensureReady();

        Map<String, Map<String, String>> after = secrets(admin);
        assertThat(after.get("mongodb").get("password"))
                .matches("[A-Za-z0-9]{25}")
                .isNotEqualTo(before.get("mongodb").get("password"));
        after.remove("mongodb");
        before.remove("mongodb");
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(6)
    void lostKeysFileIsOneLineNamingTheFileAndTheWayOut() throws IOException {
        Path initFile = InitKeys.file(BAO.home());
        Path aside = initFile.resolveSibling("init.json.aside");
        Files.move(initFile, aside);
        try {
            assertThatThrownBy(() -> BAO.lifecycle().ensureReady())
                    .isInstanceOf(VaultSetupException.class)
                    .hasMessage("vault: Vault is initialised but its keys file " + initFile + " is missing; restore it,"
                            + " or run `devstack down --volumes` to start Vault afresh (all secrets are lost)");
        } finally {
            Files.move(aside, initFile);
        }
    }

    @Test
    @Order(7)
    void keysOfAnotherVaultDoNotUnsealAndAreNeverShown() throws Exception {
        Path initFile = InitKeys.file(BAO.home());
        String realKeys = Files.readString(initFile);
        InitKeys real = InitKeys.read(initFile);
        // same shape as real shares (hex of the same length), different values
        SecureRandom random = new SecureRandom();
        List<String> wrong = real.keys().stream()
                .map(key -> {
                    byte[] share = new byte[key.length() / 2];
                    random.nextBytes(share);
                    return HexFormat.of().formatHex(share);
                })
                .toList();
        BAO.restart();
        new InitKeys(wrong, "not-the-root-token").write(initFile);
        try {
            assertThatThrownBy(() -> BAO.lifecycle().ensureReady())
                    .isInstanceOf(VaultSetupException.class)
                    .hasMessageStartingWith("vault: unseal")
                    .satisfies(e -> {
                        StringBuilder messages = new StringBuilder();
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            messages.append(t).append('\n');
                        }
                        Stream.concat(wrong.stream(), real.keys().stream())
                                .forEach(key -> assertThat(messages.toString()).doesNotContain(key));
                    });
        } finally {
            DevstackHome.writePrivateFile(initFile, realKeys);
        }
        assertThat(BAO.lifecycle().ensureReady().status().sealed()).isFalse();
    }

    private static Map<String, Map<String, String>> secrets(VaultAdmin admin) {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (SecretSpec spec : LAYOUT.secrets()) {
            all.put(spec.name(), admin.readSecret(spec.name()));
        }
        return all;
    }

    private static Map<String, String> approleFiles() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (AppRoleSpec client : LAYOUT.clients()) {
            for (String file : List.of("role-id", "secret-id")) {
                files.put(
                        client.name() + "/" + file,
                        Files.readString(BAO.home().approleDir(client.name()).resolve(file)));
            }
        }
        return files;
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
