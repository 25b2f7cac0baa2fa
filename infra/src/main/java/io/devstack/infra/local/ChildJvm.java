package io.devstack.infra.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a small JVM running one of our own mains (AMQP broker, Mongo-wire server, supervisor).
 * Its classpath is the infra classes' own location plus the runtime classpath the build wrote to
 * {@value #CLASSPATH_RESOURCE}: {@code java.class.path} is useless here (surefire runs from a manifest-only
 * jar, {@code exec:java} from an isolated class loader).
 *
 * <p>Each server main gets its own AOT cache beside the infra jar, made by its real run: the first run after a build
 * records its start ({@code -XX:AOTCacheOutput}) until its launcher ends the recording at readiness, and the JDK
 * assembles the cache in the background; later runs map it. Run from {@code target/classes} (the tests), there is
 * none: the JDK caches jars only.
 */
public final class ChildJvm {

    static final String CLASSPATH_RESOURCE = "io/devstack/infra/local/runtime-classpath.txt";
    private static final String RECORD = "-XX:AOTCacheOutput=";

    /** Small and quick to start: these servers idle most of the time on a 2-core laptop. A small initial heap
     *  keeps Serial GC's young generation (and so the RSS) small: 125 MB instead of 155 MB for the broker. */
    private static final List<String> DEFAULT_OPTIONS = List.of(
            "-Xms16m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=32m",
            "-XX:MaxMetaspaceSize=96m",
            "-Djava.awt.headless=true");

    private ChildJvm() {}

    /** The infra jar (or, in tests, the classes folder) this class was loaded from. */
    private static Path ownLocation() {
        try {
            return Path.of(ChildJvm.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short-lived or supervising JVM (supervisor, restarts): no AOT cache. */
    public static List<String> command(Class<?> main, String maxHeap, List<String> extraOptions, List<String> args) {
        return command(main, maxHeap, extraOptions, args, classpath(), Optional.empty());
    }

    /**
     * A server JVM (broker, Mongo-wire server) that maps its main's AOT cache, or records one while it starts: its
     * launcher calls {@link #endRecording} once the server is ready.
     */
    public static List<String> serverCommand(
            Class<?> main, String maxHeap, List<String> extraOptions, List<String> args) {
        return command(
                main,
                maxHeap,
                extraOptions,
                args,
                classpath(),
                Optional.of(ownLocation().getParent()));
    }

    /**
     * Ends a recording server's training once it is ready ({@code jcmd <pid> AOT.end_recording}): the JDK assembles
     * the cache now, in the background, and no exit of the server (a {@code down}, or a fatal error that must
     * restart quickly) spends seconds writing it. Nothing to do when the command mapped a cache.
     */
    public static void endRecording(long pid, List<String> command) {
        if (command.stream().noneMatch(option -> option.startsWith(RECORD))) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            new ProcessBuilder(jcmd.toString(), Long.toString(pid), "AOT.end_recording")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // best effort: the server then writes its cache as it exits
        }
    }

    /** {@link #command} with the class path and the folder of the AOT caches (none: no cache) given. */
    static List<String> command(
            Class<?> main,
            String maxHeap,
            List<String> extraOptions,
            List<String> args,
            String classpath,
            Optional<Path> cacheFolder) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + maxHeap);
        options.addAll(DEFAULT_OPTIONS);
        options.addAll(extraOptions);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        cacheFolder.ifPresent(folder -> command.addAll(aotCacheOptions(main, options, classpath, folder)));
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Map the main's current cache, or (first run after a build) record one until {@link #endRecording}; nothing
     * where unsupported. The key leaves out system properties: they do not bind a cache.
     */
    private static List<String> aotCacheOptions(
            Class<?> main, List<String> options, String classpath, Path cacheFolder) {
        AotCacheFile cache = AotCacheFile.of(
                cacheFolder,
                main.getSimpleName(),
                options.stream().filter(option -> !option.startsWith("-D")).toList(),
                Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList());
        if (!cache.supported()) {
            return List.of();
        }
        if (cache.usable()) {
            return List.of("-XX:AOTCache=" + cache.file());
        }
        try {
            cache.deleteStale();
        } catch (IOException e) {
            return List.of(); // a folder we cannot write to: no cache, as before
        }
        return List.of(RECORD + cache.file());
    }

    public static String classpath() {
        String own = ownLocation().toString();
        try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                // running from an IDE or a plain java -cp: the current class path is the real one there
                return own + File.pathSeparator + System.getProperty("java.class.path");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return own + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
