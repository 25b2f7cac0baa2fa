package io.devstack.infra.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of one backup folder: when, which services (server version, how they were saved), and
 * per stored file its size and SHA-256 (of the bytes on disk, so {@code verify} needs no passphrase). {@code created}
 * is ISO-8601 UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(
        int format,
        String name,
        String created,
        Map<String, ServiceEntry> services,
        List<FileEntry> files,
        BackupCipher.Parameters encryption) {

    public static final String FILE = "manifest.json";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A service's server version and the method used (e.g. "mariadb-dump --single-transaction"). */
    public record ServiceEntry(String version, String method) {}

    /** One stored file, relative to the backup folder. */
    public record FileEntry(String path, String service, long size, String sha256) {}

    public boolean encrypted() {
        return encryption != null;
    }

    public long totalSize() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    /** Describes a stored file as it is on disk now. */
    static FileEntry describe(Path folder, Path file, String service) {
        try {
            return new FileEntry(folder.relativize(file).toString(), service, Files.size(file), sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mismatch between the manifest and the folder, one line each; empty when the backup is intact. */
    public List<String> problems(Path folder) {
        List<String> problems = new ArrayList<>();
        for (FileEntry entry : files) {
            Path file = folder.resolve(entry.path()).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                problems.add(entry.path() + ": missing");
                continue;
            }
            try {
                if (Files.size(file) != entry.size()) {
                    problems.add(entry.path() + ": size " + Files.size(file) + " bytes, manifest says " + entry.size());
                } else if (!sha256(file).equals(entry.sha256())) {
                    problems.add(entry.path() + ": SHA-256 differs from the manifest (the file was altered)");
                }
            } catch (IOException e) {
                problems.add(entry.path() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return problems;
    }

    void write(Path folder) {
        try {
            DevstackHome.writePrivateFile(folder.resolve(FILE), JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupManifest read(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            BackupManifest manifest = JSON.readValue(file.toFile(), BackupManifest.class);
            if (manifest.format() != FORMAT || manifest.files() == null || manifest.services() == null) {
                throw new IllegalStateException(file + " is not a DevStack backup manifest (format " + FORMAT + ")");
            }
            return manifest;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read " + file + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable")
                            + " — is this a backup folder made by ./devstack backup?",
                    e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
