package io.devstack.infra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where one JVM's ahead-of-time cache (JDK 25+, JEP 483/514/515) lives, and whether it may be used. The file is
 * {@code <directory>/<name>-<key>.aot}; the key covers the JVM options and the JDK, which a cache must match. A cache
 * is current while no class path entry is newer than it: the JDK refuses one whose jars changed, with an error on
 * every start.
 *
 * @param file the cache
 * @param classpath the class path the JVM runs with; the JDK caches classes from jars only
 */
public record AotCacheFile(Path file, List<Path> classpath) {

    /** JEP 514's one-step training ({@code -XX:AOTCacheOutput}) came with JDK 25. */
    static final int FIRST_JDK = 25;

    public AotCacheFile {
        classpath = List.copyOf(classpath);
    }

    public static AotCacheFile of(Path directory, String name, List<String> jvmOptions, List<Path> classpath) {
        return new AotCacheFile(directory.resolve(name + "-" + key(jvmOptions) + ".aot"), classpath);
    }

    /**
     * This JDK can write and read caches, and every class path entry is a jar (tests run from {@code
     * target/classes}, a directory: no cache there).
     */
    public boolean supported() {
        return Runtime.version().feature() >= FIRST_JDK
                && !classpath.isEmpty()
                && classpath.stream().allMatch(Files::isRegularFile);
    }

    /** Supported, written, and no class path entry is newer than it. */
    public boolean usable() {
        if (!supported() || !Files.isRegularFile(file)) {
            return false;
        }
        long written = modified(file);
        return classpath.stream().allMatch(entry -> modified(entry) <= written);
    }

    /** Caches of this name but another key (older options or JDK), and an outdated one of this key: 10–120 MB each. */
    public void deleteStale() throws IOException {
        String prefix = file.getFileName().toString().replaceFirst("-[0-9a-f]+\\.aot$", "-");
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".aot"))
                    .toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }

    /** The options and the JDK a cache was made with; a JVM started otherwise cannot map it. */
    private static String key(List<String> jvmOptions) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join(" ", jvmOptions).getBytes(StandardCharsets.UTF_8));
            sha.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
            sha.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When it was last written; an entry that cannot be read counts as newer than any cache. */
    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
