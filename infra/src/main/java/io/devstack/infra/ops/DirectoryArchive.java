package io.devstack.infra.ops;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A server's data folder as one {@code .tar.gz} (commons-compress), keeping the permission bits (PostgreSQL
 * refuses a data folder that is not 0700). Used only on a stopped server, so the copy is consistent.
 */
final class DirectoryArchive {

    private DirectoryArchive() {}

    static void pack(Path dir, Path archive) {
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> entries;
            try (var walk = Files.walk(dir)) {
                entries = walk.filter(p -> !p.equals(dir)).sorted().toList();
            }
            for (Path path : entries) {
                TarArchiveEntry entry =
                        tar.createArchiveEntry(path, dir.relativize(path).toString());
                entry.setMode(mode(path) | (Files.isDirectory(path) ? 0040000 : 0100000));
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(path)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code dir} with the archive's content. */
    static void unpack(Path archive, Path dir) {
        try {
            deleteRecursively(dir);
            DevstackHome.privateDirectory(dir);
            try (InputStream in = Files.newInputStream(archive);
                    TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IllegalStateException("archive entry " + entry.getName() + " escapes " + dir);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int mode(Path path) throws IOException {
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(path)) {
            mode |= 1 << (8 - p.ordinal()); // OWNER_READ is ordinal 0 = 0400 … OTHERS_EXECUTE ordinal 8 = 0001
        }
        return mode;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }
}
