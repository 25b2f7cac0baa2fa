package io.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the stack keeps its state: {@code $DEVSTACK_HOME}, else {@code ~/.devstack}.
 * Everything here survives {@code down}/{@code up}; {@code down --volumes} wipes {@link #dataRoot()} and Vault.
 *
 * <pre>
 * bin/&lt;tool&gt;-&lt;version&gt;/   server binaries unpacked once from Maven jars
 * tools/openbao/               private Python venv holding the OpenBao ({@code bao}) binary
 * vault/                       init keys and root token (0600), never printed unless asked
 * approle/&lt;service&gt;/          role-id and secret-id (0600), one folder per Vault client
 * data/&lt;service&gt;/             each server's data directory
 * logs/&lt;service&gt;.log          each supervised process's stdout and stderr (rotated: .1, .2, .3)
 * run/                         pid files, start/stop locks, what the supervisor did, the running stack's description
 * </pre>
 */
public record DevstackHome(Path root) {

    public static final String ENV = "DEVSTACK_HOME";

    public static DevstackHome fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DevstackHome fromEnvironment(Map<String, String> env) {
        String configured = env.get(ENV);
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".devstack")
                : Path.of(configured);
        return new DevstackHome(root.toAbsolutePath().normalize());
    }

    public Path binRoot() {
        return root.resolve("bin");
    }

    public Path toolsRoot() {
        return root.resolve("tools");
    }

    public Path vaultDir() {
        return root.resolve("vault");
    }

    public Path approleRoot() {
        return root.resolve("approle");
    }

    public Path approleDir(String service) {
        return approleRoot().resolve(service);
    }

    public Path dataRoot() {
        return root.resolve("data");
    }

    public Path dataDir(String service) {
        return dataRoot().resolve(service);
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path logFile(String service) {
        return logsDir().resolve(service + ".log");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    public Path pidFile(String service) {
        return runDir().resolve(service + ".pid");
    }

    /** Creates {@code dir} (and parents) readable by its owner only: it may hold keys and passwords. */
    public static Path privateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code content} to {@code file} with mode 0600, creating it that way so no other user can ever read it.
     * Atomic and durable: a temporary file is written and fsynced, renamed over {@code file}, and the folder is
     * fsynced,
     * so after a crash {@code file} is either the old content or the new, never empty (it may hold Vault's unseal
     * keys).
     */
    public static void writePrivateFile(Path file, String content) {
        try {
            privateDirectory(file.getParent());
            Path tmp = Files.createTempFile(
                    file.getParent(),
                    file.getFileName().toString(),
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, content);
            fsync(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            fsync(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flushes a file's or a folder's content (a folder: its entries, e.g. a rename) to the disk. */
    private static void fsync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
