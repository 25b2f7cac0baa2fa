package io.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Reads a real JVM's compiler threads: a child that compiles everything it runs, then one that does nothing. */
@EnabledOnOs(OS.LINUX)
class CompilerThreadsTest {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void aJvmCompilingEveryMethodShowsCompilerTimeAndThenRests(@TempDir Path dir) throws Exception {
        // the source launcher runs javac in-process, and -Xcomp compiles every method it calls before running it
        Path source = dir.resolve("Rest.java");
        Files.writeString(
                source,
                "class Rest { public static void main(String[] a) throws Exception {"
                        + " System.out.println(\"compiled\"); Thread.sleep(120_000); } }");
        Process child = new ProcessBuilder(JAVA, "-Xcomp", source.toString())
                .redirectErrorStream(true)
                .start();
        try {
            CompilerThreads jit = CompilerThreads.ofThisJvmAnd(child.pid());
            String line = new String(child.getInputStream().readNBytes("compiled".length()));
            assertThat(line).isEqualTo("compiled");
            double whileCompiling = jit.cpuSecondsSinceLastReading();
            Thread.sleep(1_000);
            double atRest = jit.cpuSecondsSinceLastReading();

            assertThat(whileCompiling).isGreaterThan(0.2);
            assertThat(atRest).isLessThan(0.05);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsGoneReadsAsZero() {
        assertThat(CompilerThreads.ofThisJvmAnd(Long.MAX_VALUE).cpuSecondsSinceLastReading())
                .isLessThan(0.05);
    }
}
