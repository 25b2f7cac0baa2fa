package io.devstack.infra.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a small JVM running one of our own server mains (AMQP broker, Mongo-wire server).
 * Its classpath is the infra classes' own location plus the runtime classpath the build wrote to
 * {@value #CLASSPATH_RESOURCE}: {@code java.class.path} is useless here (surefire runs from a manifest-only
 * jar, {@code exec:java} from an isolated class loader).
 */
public final class ChildJvm {

    static final String CLASSPATH_RESOURCE = "io/devstack/infra/local/runtime-classpath.txt";

    /** Small and quick to start: these servers idle most of the time on a 2-core laptop. A small initial heap
     *  keeps Serial GC's young generation (and so the RSS) small: 125 MB instead of 155 MB for the broker. */
    private static final List<String> DEFAULT_OPTIONS = List.of(
            "-Xms16m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=32m",
            "-XX:MaxMetaspaceSize=96m",
            "-Xshare:auto",
            "-Djava.awt.headless=true");

    private ChildJvm() {}

    public static List<String> command(Class<?> main, String maxHeap, List<String> extraOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(DEFAULT_OPTIONS);
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    public static String classpath() {
        String own;
        try {
            own = Path.of(ChildJvm.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
