package io.devstack.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.cli.DevstackCommand;
import io.devstack.infra.local.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code devstack shell <service>} run as the real CLI in its own JVM, with a command on stdin: the server's own
 * client logs in with Vault's credentials and prints the answer; no password is on any command line.
 */
@Order(StackClients.AFTER_OWN_STACK_TESTS)
class ServiceShellTest {

    @BeforeAll
    static void stack() {
        StackClients.runtime();
    }

    @ParameterizedTest(name = "shell {0} with {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres | SELECT 40 + 2 AS answer; | psql     | 42",
                "mysql    | SELECT 40 + 2 AS answer; |          | 42",
                "redis    | PING                     | redis-cli | PONG"
            })
    void theServiceClientAnswersACommandGivenOnStdin(String service, String command, String program, String expected)
            throws Exception {
        Assumptions.assumeTrue(
                program == null || onPath(program), () -> program + " is not installed (.ci/run installs it)");
        Result result = devstack(command + "\n", "shell", service);

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(expected);
    }

    @Test
    void servicesWithoutAShellSayWhatToDoInOneLine() throws Exception {
        Assumptions.assumeFalse(onPath("mongosh"));
        Result mongo = devstack("", "shell", "mongodb");
        assertThat(mongo.exit()).isEqualTo(5);
        assertThat(mongo.stderr().strip())
                .startsWith("devstack: mongodb: no Mongo shell")
                .contains("install mongosh")
                .doesNotContain("\n")
                .doesNotContain(StackClients.secret("mongodb").get("password"));

        Result amqp = devstack("", "shell", "rabbitmq");
        assertThat(amqp.exit()).isEqualTo(1);
        assertThat(amqp.stderr().strip())
                .startsWith("devstack: no shell for 'rabbitmq'")
                .doesNotContain("\n");
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result devstack(String stdin, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(ChildJvm.command(DevstackCommand.class, "128m", List.of(), Arrays.asList(args)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .put(DevstackHome.ENV, StackClients.runtime().home().root().toString());
        Path err = Files.createTempFile("devstack-shell", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        Files.delete(err);
        return new Result(process.exitValue(), stdout, stderr);
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
