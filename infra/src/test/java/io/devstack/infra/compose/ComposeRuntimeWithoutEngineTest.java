package io.devstack.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.cli.DevstackCommand;
import io.devstack.infra.runtime.ComposeRuntime;
import io.devstack.infra.runtime.StackException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compose runtime on a machine without a Docker engine (like CI): one line naming the fix, nothing started. */
class ComposeRuntimeWithoutEngineTest {

    @TempDir
    Path tmp;

    @Test
    void everyOperationFailsWithTheOneLineNamingTheFix() {
        assumeFalse(
                ComposeCli.engineAnswers(), "a Docker engine answers here; this test is about machines without one");
        ComposeRuntime runtime = new ComposeRuntime(new DevstackHome(tmp), tmp);
        for (Runnable operation : new Runnable[] {
            () -> runtime.up(Set.of(), Progress.SILENT),
            () -> runtime.down(false, Progress.SILENT),
            runtime::status,
            runtime::health
        }) {
            assertThatThrownBy(operation::run)
                    .isInstanceOf(StackException.class)
                    .hasMessage(ComposeCli.NO_ENGINE)
                    .satisfies(e ->
                            assertThat(((StackException) e).exitCode()).isEqualTo(StackException.EXIT_UNSUPPORTED));
        }
        assertThat(runtime.projectDir()).doesNotExist();
    }

    @Test
    void generateWritesTheProjectFromTheCommandLine() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true));
            exit = DevstackCommand.commandLine()
                    .execute(
                            "generate",
                            "--profile",
                            "full,reference",
                            "--out",
                            tmp.resolve("project").toString(),
                            "--source",
                            tmp.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("24 services");
        assertThat(Files.readString(tmp.resolve("project/docker-compose.yml")))
                .contains("dev-api-javalin", "dev-cadvisor");
        assertThat(tmp.resolve("project/init/postgres.sh")).exists();
    }
}
