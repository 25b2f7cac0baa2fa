package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own server JVMs' AOT caches, with real child JVMs: a recording run writes one (at its exit, or when its
 * recording is ended once it is ready), the next maps it ({@code -XX:AOTMode=on} makes the JVM refuse to start
 * otherwise), a newer jar makes it train again, and a class path with a folder on it (tests) gets none.
 */
class ChildJvmTest {

    @TempDir
    Path folder;

    @Test
    void theFirstRunWritesTheCacheAtExitAndTheNextMapsIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= AotCacheFile.FIRST_JDK, "AOT caches need JDK 25");
        Path jar = probeJar();

        List<String> first = command(jar);
        assertThat(first).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        assertThat(run(first)).isEqualTo("probe,ran");
        Path cache = Path.of(option(first, "-XX:AOTCacheOutput="));
        assertThat(cache).isRegularFile();

        List<String> second = command(jar);
        assertThat(option(second, "-XX:AOTCache=")).isEqualTo(cache.toString());
        List<String> strict = new ArrayList<>(second);
        strict.add(1, "-XX:AOTMode=on"); // fail at start unless the cache is mapped
        assertThat(run(strict)).isEqualTo("probe,ran");

        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(cache).toMillis() + 2_000));
        List<String> rebuilt = command(jar);
        assertThat(rebuilt).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        assertThat(cache).doesNotExist(); // the outdated cache is gone before the new one is written
    }

    @Test
    void aServerEndsItsRecordingWhenReadyAndItsExitWritesNothing() throws Exception {
        assumeTrue(Runtime.version().feature() >= AotCacheFile.FIRST_JDK, "AOT caches need JDK 25");
        List<String> command = ChildJvm.command(
                AotProbeMain.class,
                "32m",
                List.of(),
                List.of("wait"),
                probeJar().toString(),
                Optional.of(folder));
        Path cache = Path.of(option(command, "-XX:AOTCacheOutput="));
        Path log = folder.resolve("server.log");
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log).contains("probe,ran") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            ChildJvm.endRecording(server.pid(), command);
            while (!Files.readString(log).contains("AOTCache creation is complete") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(cache).as("written while the server runs").isRegularFile();
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log).split("AOTCache creation is complete", -1))
                .as("one cache written, none at the exit")
                .hasSize(2);
    }

    @Test
    void aJvmThatIsNoServerGetsNoCache() throws Exception {
        List<String> command = ChildJvm.command(
                AotProbeMain.class, "32m", List.of(), List.of(), probeJar().toString(), Optional.empty());
        assertThat(command).noneMatch(option -> option.startsWith("-XX:AOT"));
    }

    @Test
    void aClassPathWithAFolderGetsNoCache() throws Exception {
        List<String> command = ChildJvm.command(
                AotProbeMain.class,
                "32m",
                List.of(),
                List.of(),
                probeJar() + java.io.File.pathSeparator + folder,
                Optional.of(folder));
        assertThat(command).noneMatch(option -> option.startsWith("-XX:AOT"));
        assertThat(run(command)).isEqualTo("probe,ran");
    }

    @Test
    void systemPropertiesDoNotChangeTheCache() throws Exception {
        Path jar = probeJar();
        List<String> one = ChildJvm.command(
                AotProbeMain.class,
                "32m",
                List.of("-Ddevstack.home=/a"),
                List.of(),
                jar.toString(),
                Optional.of(folder));
        List<String> other = ChildJvm.command(
                AotProbeMain.class,
                "32m",
                List.of("-Ddevstack.home=/b"),
                List.of(),
                jar.toString(),
                Optional.of(folder));
        List<String> biggerHeap =
                ChildJvm.command(AotProbeMain.class, "64m", List.of(), List.of(), jar.toString(), Optional.of(folder));
        assumeTrue(Runtime.version().feature() >= AotCacheFile.FIRST_JDK, "AOT caches need JDK 25");
        assertThat(option(one, "-XX:AOTCacheOutput=")).isEqualTo(option(other, "-XX:AOTCacheOutput="));
        assertThat(option(biggerHeap, "-XX:AOTCacheOutput=")).isNotEqualTo(option(one, "-XX:AOTCacheOutput="));
    }

    private List<String> command(Path jar) {
        return ChildJvm.command(AotProbeMain.class, "32m", List.of(), List.of(), jar.toString(), Optional.of(folder));
    }

    private static String option(List<String> command, String prefix) {
        return command.stream()
                .filter(option -> option.startsWith(prefix))
                .map(option -> option.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + command));
    }

    /** The probe's class alone in a jar, as the infra jar holds the real mains. */
    private Path probeJar() throws IOException {
        Path jar = folder.resolve("probe.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = AotProbeMain.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                var in = AotProbeMain.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 10_000));
        return jar;
    }

    /** Runs the command to its end; its standard output, stripped (the JDK's cache messages go to a log file). */
    private String run(List<String> command) throws IOException, InterruptedException {
        Path log = folder.resolve("jvm.log");
        Process process = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("exit code; stderr: %s", Files.readString(log))
                .isZero();
        return out.lines()
                .filter(line -> !line.contains("AOT"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .strip();
    }
}
