package io.devstack.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code devstack generate --target helm}: the chart, with the given profiles as its default selection. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheHelmChartWithTheProfilesAsItsDefaultSelection() throws Exception {
        int exit = DevstackCommand.commandLine()
                .execute("generate", "--target", "helm", "--profile", "full", "--out", dir.toString());
        assertThat(exit).isZero();
        assertThat(dir.resolve("Chart.yaml")).exists();
        assertThat(Files.readString(dir.resolve("values.yaml"))).contains("profiles:\n  - full\n");
        assertThat(dir.resolve("templates/vault-bootstrap.yaml")).exists();
    }

    @Test
    void anUnknownTargetIsOneLineNamingTheValidOnes() {
        StringWriter err = new StringWriter();
        CommandLine cli = DevstackCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("generate", "--target", "nomad", "--out", dir.toString());
        assertThat(exit).isNotZero();
        assertThat(err.toString())
                .contains("Invalid value for option '--target'")
                .contains("valid: compose, helm");
    }
}
