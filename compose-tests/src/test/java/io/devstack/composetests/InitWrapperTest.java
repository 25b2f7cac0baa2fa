package io.devstack.composetests;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.compose.ComposeProject;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.InitWrapper;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.SecretField;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import io.devstack.testsupport.NativeStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated init wrapper, run for real with dash against the native stack's Vault and that service's own
 * AppRole files, with {@code DEVSTACK_INIT_EXEC=env} in place of the image's entrypoint: the environment it would
 * hand the image must hold exactly Vault's current credentials. Each wrapper uses the HTTP tool its image ships
 * (busybox nc, as the alpine images have it, or bash). Every program a wrapper starts is logged with its arguments
 * ({@link ProgramShims}): none may carry the token, the secret-id or a password.
 */
class InitWrapperTest {

    @TempDir
    static Path tmp;

    /** Matches an OpenBao/Vault token (service or batch, old and new prefixes). */
    private static final Pattern TOKEN = Pattern.compile("\\b(hvs|hvb|s|b)\\.[A-Za-z0-9]{20,}");

    private static Path project;
    private static Path shims;
    private static NativeStack stack;

    @BeforeAll
    static void generate() throws IOException {
        stack = NativeStack.shared();
        project = tmp.resolve("project");
        new ComposeProject(new DevstackHome(tmp.resolve("home")), tmp).write(List.of(), project);
        shims = ProgramShims.create(tmp.resolve("shims"));
    }

    static Stream<String> wrappedServices() {
        return StackContainers.of(StackServices.ALL).stream()
                .filter(s -> s.init() != null)
                .map(ContainerSpec::service);
    }

    @ParameterizedTest
    @MethodSource("wrappedServices")
    void wrapperExportsTheServicesVaultCredentials(String service) throws Exception {
        InitWrapper init = StackContainers.of(service).init();
        Path healthEnv = tmp.resolve(service + ".env");
        Path devstackDir = Files.createDirectories(tmp.resolve("devstack-" + service));
        Run run = runWrapper(service, stack.approleDir(service), healthEnv, devstackDir);

        assertThat(run.exit).as(service + " wrapper failed:\n" + run.err).isZero();
        assertThat(run.err).contains("logged in to Vault as " + service);
        for (InitWrapper.Export export : init.exports()) {
            String expected = stack.secret(export.secret()).get(export.field());
            assertThat(run.env)
                    .as(service + " exports " + export.variable())
                    .containsEntry(export.variable(), expected);
            // the health check sources the same values
            assertThat(Files.readString(healthEnv)).contains("export " + export.variable() + "='" + expected + "'");
        }
        assertThat(Files.getPosixFilePermissions(healthEnv).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        // every program the wrapper ran, with its arguments: no token, secret-id or password among them
        String argv = Files.readString(run.argvLog);
        assertThat(argv)
                .as(service + " runs " + init.http().executable())
                .contains(init.http().executable() + " ");
        assertThat(argv).as(service + " command lines").doesNotContainPattern(TOKEN);
        assertThat(argv)
                .as(service + " command lines")
                .doesNotContain(Files.readString(stack.approleDir(service).resolve("secret-id"))
                        .strip());
        for (InitWrapper.Export export : init.exports()) {
            if (!(VaultLayout.standard()
                            .secret(export.secret())
                            .orElseThrow()
                            .fields()
                            .get(export.field())
                    instanceof SecretField.Password)) {
                continue; // user and database names are no secret (and "postgres" is in every path)
            }
            String password = stack.secret(export.secret()).get(export.field());
            assertThat(argv)
                    .as(service + " command lines hold no " + export.variable())
                    .doesNotContain(password);
            assertThat(run.err)
                    .as("no " + export.variable() + " in the wrapper's log")
                    .doesNotContain(password);
        }
        if (init.background() != null) {
            Path marker = devstackDir.resolve("background-ran");
            for (int i = 0; i < 50 && !Files.exists(marker); i++) {
                Thread.sleep(100);
            }
            assertThat(marker)
                    .as("the wrapper starts " + init.background() + " with the exported credentials")
                    .content()
                    .contains(stack.secret("postgres").get("user"));
        }
    }

    @Test
    void aWrongSecretIdFailsWithOneClearLine() throws Exception {
        for (String service : List.of("redis-1", "postgres")) { // busybox nc, bash /dev/tcp
            Path approle = Files.createDirectories(tmp.resolve("bad-approle-" + service));
            Files.copy(stack.approleDir(service).resolve("role-id"), approle.resolve("role-id"));
            Files.writeString(approle.resolve("secret-id"), "00000000-0000-0000-0000-000000000000");
            Run run = runWrapper(
                    service,
                    approle,
                    tmp.resolve("bad-" + service + ".env"),
                    Files.createDirectories(tmp.resolve("bad-dir-" + service)));
            assertThat(run.exit).as(service).isNotZero();
            assertThat(run.env).as(service + " never reaches the entrypoint").isEmpty();
            assertThat(run.err)
                    .as(service)
                    .contains("refused the AppRole login of " + service)
                    .contains("devstack up --runtime docker");
        }
    }

    @Test
    void missingAppRoleFilesAreWaitedForThenNamed() throws Exception {
        Run run = runWrapper(
                "mysql",
                tmp.resolve("no-such-approle"),
                tmp.resolve("none.env"),
                Files.createDirectories(tmp.resolve("wait-dir")),
                "2");
        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("waiting for the AppRole files").contains("gave up after 2s");
    }

    private Run runWrapper(String service, Path approleDir, Path healthEnv, Path devstackDir) throws Exception {
        return runWrapper(service, approleDir, healthEnv, devstackDir, "10");
    }

    private Run runWrapper(String service, Path approleDir, Path healthEnv, Path devstackDir, String waitSeconds)
            throws Exception {
        // a stand-in for the postgres background script: proves it is started with the exported credentials
        Path background = devstackDir.resolve("postgres/ensure-databases.sh");
        Files.createDirectories(background.getParent());
        Files.writeString(
                background, "printf '%s' \"$DEVSTACK_APP_USER\" > \"" + devstackDir.resolve("background-ran") + "\"\n");
        ProcessBuilder builder = new ProcessBuilder(
                "dash", project.resolve("init/" + service + ".sh").toString());
        Map<String, String> env = builder.environment();
        env.clear();
        Path argvLog = tmp.resolve(service + "-" + System.nanoTime() + ".argv");
        Files.writeString(argvLog, "");
        env.putAll(ProgramShims.environment(shims, argvLog));
        env.put("VAULT_ADDR", stack.vaultAddress().toString().replaceAll("/$", ""));
        env.put("DEVSTACK_APPROLE_DIR", approleDir.toString());
        env.put("DEVSTACK_HEALTH_ENV", healthEnv.toString());
        env.put("DEVSTACK_VAULT_WAIT_SECONDS", waitSeconds);
        env.put("DEVSTACK_DIR", devstackDir.toString());
        env.put("DEVSTACK_INIT_EXEC", "env");
        Path out = tmp.resolve(service + "-" + System.nanoTime() + ".out");
        Path err = tmp.resolve(service + "-" + System.nanoTime() + ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as(service + " wrapper finished")
                .isTrue();
        Map<String, String> printed = new HashMap<>();
        if (process.exitValue() == 0) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    printed.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return new Run(process.exitValue(), printed, Files.readString(err), argvLog);
    }

    private record Run(int exit, Map<String, String> env, String err, Path argvLog) {}

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
