package io.devstack.infra.ops;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where backups live: one folder per backup, named by its UTC time ({@code 20261205-231500}), under
 * {@code $DEVSTACK_HOME/backups} or the folder given with {@code --out}. Folders are 0700, files 0600: a backup
 * holds Vault's unseal keys.
 */
public final class BackupStore {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** One backup folder and its manifest. */
    public record Stored(Path folder, BackupManifest manifest) {}

    private final Path root;

    public BackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The store at {@code folder}, or at {@code $DEVSTACK_HOME/backups} when it is null (no --out/--from given). */
    public static BackupStore at(Path folder, DevstackHome home) {
        return new BackupStore(folder != null ? folder : home.root().resolve("backups"));
    }

    public Path root() {
        return root;
    }

    /** A new, empty, private folder named after {@code now} (a suffix when two backups share a second). */
    Path create(Instant now) {
        DevstackHome.privateDirectory(root);
        String name = NAME.format(now);
        Path folder = root.resolve(name);
        for (int i = 2; Files.exists(folder); i++) {
            folder = root.resolve(name + "-" + i);
        }
        return DevstackHome.privateDirectory(folder);
    }

    /** Every backup under the root, oldest first. */
    public List<Stored> list() {
        List<Stored> backups = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return backups;
        }
        try (var folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve(BackupManifest.FILE)))
                    .sorted()
                    .toList()) {
                backups.add(new Stored(folder, BackupManifest.read(folder)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return backups;
    }

    /** A backup by name (a folder under the root) or by path. */
    public Stored open(String nameOrPath) {
        Path byName = root.resolve(nameOrPath).normalize();
        Path folder = Files.isDirectory(byName) && byName.startsWith(root)
                ? byName
                : Path.of(nameOrPath).toAbsolutePath();
        if (!Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
            throw new StackException(
                    "no backup named '" + nameOrPath + "' in " + root + " — see ./devstack backup --list",
                    StackException.EXIT_FAILED);
        }
        return new Stored(folder, BackupManifest.read(folder));
    }
}
