package io.devstack.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.compose.ComposeProject;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.InitWrapper;
import io.devstack.infra.container.ShellArguments;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.SecretField;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the Compose project or the Helm chart runs carries a token, secret-id or password on its command line,
 * where {@code ps} shows it to every user: every {@code command}, {@code entrypoint}, {@code args}, health check and
 * probe of the whole rendered project and chart, and every generated init wrapper, is lexed as the shell would run
 * it, and no program argument may expand a secret-bearing variable or hold a secret placeholder. Secret-bearing
 * means a variable an init wrapper fills from a password field in Vault, or any name that says so (pass, pwd,
 * secret, token, auth, credential), so a new export or a new variable is covered without listing today's strings.
 */
class NoSecretOnCommandLineTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|pwd|secret|token|auth|credential).*");
    /** {@code $VAR}, {@code ${VAR}} (Compose, a shell) or {@code $(VAR)} (Kubernetes) in an exec-form word. */
    private static final Pattern EXEC_EXPANSION = Pattern.compile("\\$[{(]?([A-Za-z_][A-Za-z0-9_]*)");
    /** Helm leaves {@code {{ … }}} when a value is raw. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");

    private static final Set<String> COMMAND_KEYS = Set.of("command", "entrypoint", "args", "test");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    @Test
    void theComposeProjectPutsNoSecretOnACommandLine() throws Exception {
        Path dir = tmp.resolve("compose");
        new ComposeProject(new DevstackHome(tmp.resolve("home")), tmp).write(List.of(Profile.values()), dir);
        List<String> problems = new ArrayList<>();
        // Compose reads $$ as a literal dollar for the container
        walk(
                YAML.readValue(dir.resolve(ComposeProject.COMPOSE_FILE).toFile(), Object.class),
                "compose",
                true,
                problems);
        try (Stream<Path> scripts = Files.list(dir.resolve("init"))) {
            for (Path script : scripts.sorted().toList()) {
                shell(Files.readString(script), "init/" + script.getFileName(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theHelmChartPutsNoSecretOnACommandLine() throws Exception {
        Path chart = RenderedChart.write(Set.of(Profile.values()), tmp.resolve("chart"));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object :
                RenderedChart.objects(RenderedChart.template(chart, RenderedChart.values(Set.of(), true)))) {
            walk(object, object.get("kind") + "/" + name(object), false, problems);
        }
        try (Stream<Path> files = Files.walk(chart.resolve("files"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sh")).toList()) {
                shell(Files.readString(file), "chart " + file.getFileName(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLexerTellsArgumentsFromEnvironmentStdinAndBuiltins() {
        List<String> flagged = new ArrayList<>();
        String caught = "redis-cli -a \"$REDIS_PASSWORD\" ping; mysqladmin -p\"${MYSQL_ROOT_PASSWORD}\" ping"
                + " && curl -H \"X-Vault-Token: $TOKEN\" http://vault\n"
                + "wget --post-data \"$(printf '%s' \"$secret_id\")\" x\n"
                + "bash -c 'curl -u \"$1\"' _ \"$RABBITMQ_DEFAULT_PASS\"";
        shell(caught, "caught", flagged);
        assertThat(flagged).hasSize(5);

        List<String> clean = new ArrayList<>();
        String allowed = ". /tmp/env && PGPASSWORD=\"$POSTGRES_PASSWORD\" psql -U \"$POSTGRES_USER\" -tAc 'SELECT 1'\n"
                + "printf 'X-Vault-Token: %s' \"$TOKEN\" | nc vault 8200 >\"$SECRET_FILE\"\n"
                + "exec redis-server - <<EOF\nrequirepass \"$REDIS_PASSWORD\"\nEOF\n"
                + "mongosh --eval 'db.auth(process.env.MONGO_PASSWORD)' | grep -q 1";
        shell(allowed, "allowed", clean);
        assertThat(clean).isEmpty();
    }

    /** The variables an init wrapper fills from a password field of a Vault secret. */
    private static Set<String> passwordVariables() {
        VaultLayout layout = VaultLayout.standard();
        Set<String> names = new HashSet<>();
        for (ContainerSpec spec : StackContainers.of(StackServices.ALL)) {
            if (spec.init() != null) {
                for (InitWrapper.Export export : spec.init().exports()) {
                    if (layout.secret(export.secret()).orElseThrow().fields().get(export.field())
                            instanceof SecretField.Password) {
                        names.add(export.variable());
                    }
                }
            }
        }
        return names;
    }

    private static boolean secretBearing(String variable) {
        return passwordVariables().contains(variable)
                || SECRET_NAME.matcher(variable).matches();
    }

    private static void walk(Object node, String where, boolean compose, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String path = where + "." + key;
                if (COMMAND_KEYS.contains(String.valueOf(key))) {
                    command(value, path, compose, problems);
                } else {
                    walk(value, path, compose, problems);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, where, compose, problems));
        }
    }

    /** An exec-form list ({@code [CMD-SHELL, script]} and {@code [sh, -c, script]} are lexed) or a shell string. */
    private static void command(Object value, String where, boolean compose, List<String> problems) {
        if (value instanceof String script) {
            shell(unescape(script, compose), where, problems);
            return;
        }
        if (!(value instanceof List<?> list)) {
            walk(value, where, compose, problems);
            return;
        }
        List<String> words =
                list.stream().map(w -> unescape(String.valueOf(w), compose)).toList();
        if (!words.isEmpty() && words.getFirst().equals("CMD-SHELL")) {
            shell(String.join(" ", words.subList(1, words.size())), where, problems);
            return;
        }
        boolean shellProgram = !words.isEmpty() && words.getFirst().matches("(/bin/)?(ba|da|a)?sh");
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            template(word, where, problems);
            if (shellProgram && i > 0 && words.get(i - 1).equals("-c")) {
                shell(word, where, problems); // the script: its own assignments and stdin are fine
                continue;
            }
            // exec form: Compose interpolates $VAR, Kubernetes $(VAR), an entrypoint shell may expand either
            Matcher expansion = EXEC_EXPANSION.matcher(word);
            while (expansion.find()) {
                String variable = expansion.group(1);
                if (secretBearing(variable)) {
                    problems.add(where + ": argument expands " + variable + ": " + word);
                }
            }
        }
    }

    private static void shell(String script, String where, List<String> problems) {
        template(script, where, problems);
        for (ShellArguments.Argument argument : ShellArguments.of(script)) {
            for (String variable : argument.expands()) {
                if (secretBearing(variable)) {
                    problems.add(where + ": " + argument.program() + " gets $" + variable + " as an argument ("
                            + argument.word() + ")");
                }
            }
        }
    }

    private static void template(String text, String where, List<String> problems) {
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            if (SECRET_NAME.matcher(m.group(1)).matches()) {
                problems.add(where + ": a secret placeholder on a command line: " + m.group());
            }
        }
    }

    private static String unescape(String word, boolean compose) {
        return compose ? word.replace("$$", "$") : word;
    }

    private static String name(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    }
}
