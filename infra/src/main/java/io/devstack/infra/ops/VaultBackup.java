package io.devstack.infra.ops;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.vault.VaultAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Vault's own consistent copy of its Raft storage ({@code sys/storage/raft/snapshot}, online), plus the files
 * the stack needs to open and use that data: the init keys (unseal shares and root token) and the AppRole
 * role-id/secret-id files. A restore forces the snapshot back ({@code snapshot-force}), puts the files back and
 * unseals with the restored keys when the snapshot came from another initialisation.
 */
final class VaultBackup implements ServiceBackup {

    private static final String SNAPSHOT = "raft.snap";
    private static final String INIT_KEYS = "init.json";
    private static final String APPROLES = "approle.tar.gz";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String service() {
        return VaultLauncher.SERVICE;
    }

    @Override
    public String version(Stack stack) {
        return "OpenBao "
                + stack.runtime().runningVault(Progress.SILENT).admin().status().version();
    }

    @Override
    public String method() {
        return "Raft snapshot (sys/storage/raft/snapshot, online) + init keys + AppRole files";
    }

    @Override
    public void save(Path dir, Stack stack) throws Exception {
        VaultAdmin admin = stack.runtime().runningVault(Progress.SILENT).admin();
        HttpResponse<Path> response = HTTP.send(
                request(admin, "sys/storage/raft/snapshot").GET().build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve(SNAPSHOT)));
        requireSuccess(response.statusCode(), "taking the Raft snapshot");
        Files.copy(admin.initFile(), dir.resolve(INIT_KEYS));
        DirectoryArchive.pack(stack.runtime().home().approleRoot(), dir.resolve(APPROLES));
    }

    @Override
    public void load(Path dir, Stack stack) throws Exception {
        VaultAdmin admin = stack.runtime().runningVault(Progress.SILENT).admin();
        HttpResponse<String> response = HTTP.send(
                request(admin, "sys/storage/raft/snapshot-force")
                        .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve(SNAPSHOT)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        requireSuccess(response.statusCode(), "restoring the Raft snapshot");
        DevstackHome home = stack.runtime().home();
        Path keys = admin.initFile();
        Path staged = Files.createTempFile(keys.getParent(), "init", ".json");
        Files.copy(dir.resolve(INIT_KEYS), staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, keys, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        DirectoryArchive.unpack(dir.resolve(APPROLES), home.approleRoot());
        // sealed only when the snapshot came from another initialisation: its keys are the ones just restored
        stack.runtime().runningVault(stack.progress()).unseal();
    }

    private static HttpRequest.Builder request(VaultAdmin admin, String path) {
        return HttpRequest.newBuilder(URI.create(admin.address() + "/v1/" + path))
                .header("X-Vault-Token", admin.rootToken())
                .timeout(Duration.ofMinutes(2));
    }

    private static void requireSuccess(int status, String what) throws IOException {
        if (status / 100 != 2) {
            throw new IOException("vault: " + what + " failed with HTTP " + status);
        }
    }
}
