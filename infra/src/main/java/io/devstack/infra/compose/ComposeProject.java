package io.devstack.infra.compose;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.InitWrapper;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.local.ApiJvmOptions;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes a complete Compose project for a profile selection: {@code docker-compose.yml}, one init wrapper per
 * Vault client ({@code init/<service>.sh}) and every config file a service mounts (Vault, Redis, Prometheus,
 * Grafana provisioning and dashboards, Loki, Vector, Promtail, the API Dockerfile).
 */
public final class ComposeProject {

    public static final String COMPOSE_FILE = "docker-compose.yml";
    public static final String API_DOCKERFILE = "api/Dockerfile";

    private static final String RESOURCES = "/io/devstack/infra/compose/";
    /** The static config files, copied as they are (paths relative to the project). */
    public static final List<String> CONFIG_FILES = List.of(
            "vault/vault.hcl",
            "postgres/ensure-databases.sh",
            "redis/redis.conf",
            "prometheus/prometheus.yml",
            "grafana/provisioning/datasources/datasources.yaml",
            "grafana/provisioning/dashboards/dashboards.yaml",
            "grafana/dashboards/api.json",
            "grafana/dashboards/logs.json",
            "loki/loki.yaml",
            "vector/vector.yaml",
            "promtail/promtail.yaml",
            API_DOCKERFILE);

    private static final String STDIN_END = "DEVSTACK_STDIN";

    private final DevstackHome home;
    private final Path sourceRoot;

    public ComposeProject(DevstackHome home, Path sourceRoot) {
        this.home = home;
        this.sourceRoot = sourceRoot;
    }

    /** Writes the project for {@code profiles} into {@code dir}; returns the services it contains. */
    public List<StackService> write(Collection<Profile> profiles, Path dir) {
        List<StackService> selected = StackServices.select(profiles);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(COMPOSE_FILE), new ComposeFile(home, sourceRoot, dir).yaml(selected));
            for (String file : CONFIG_FILES) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, configFile(file));
            }
            Path init = Files.createDirectories(dir.resolve("init"));
            for (ContainerSpec spec : StackContainers.of(StackServices.ALL)) {
                if (spec.init() != null) {
                    Files.writeString(init.resolve(spec.service() + ".sh"), initWrapper(spec.init()));
                }
            }
            return selected;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compose project to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The contents of one of the {@link #CONFIG_FILES}; the API Dockerfile gets the APIs' JVM options ({@link
     * ApiJvmOptions}).
     */
    public static String configFile(String file) {
        String content = resource("files/" + file);
        return file.equals(API_DOCKERFILE)
                ? content.replace(
                        "@JVM_OPTIONS@",
                        ApiJvmOptions.list().stream()
                                .map(option -> "\"" + option + "\"")
                                .collect(Collectors.joining(", ")))
                : content;
    }

    /** The init wrapper script of one Vault client, from the shared template. */
    public static String initWrapper(InitWrapper wrapper) {
        String exports = wrapper.exports().stream()
                .map(e -> "export_secret " + e.variable() + " " + e.secret() + " " + e.field())
                .collect(Collectors.joining("\n"));
        String names =
                wrapper.exports().stream().map(InitWrapper.Export::variable).collect(Collectors.joining(" "));
        String background = wrapper.background() == null
                ? ""
                : "sh \"${DEVSTACK_DIR:-/devstack}/" + wrapper.background() + "\" &\n";
        List<String> exec = new ArrayList<>();
        wrapper.entrypoint().forEach(word -> exec.add(quote(word)));
        exec.add("\"$@\"");
        return resource("init-wrapper.sh")
                .replace("@SERVICE@", wrapper.vaultClient())
                .replace("@HTTP_TOOL@", wrapper.http().executable())
                .replace("@APPROLE_DIR@", StackContainers.APPROLE_MOUNT)
                .replace("@HEALTH_ENV@", StackContainers.HEALTH_ENV)
                .replace("@EXPORTS@", exports)
                .replace("@EXPORT_NAMES@", names)
                .replace("@BACKGROUND@", background)
                .replace("@EXEC@", execLine(wrapper, exec));
    }

    private static String execLine(InitWrapper wrapper, List<String> exec) {
        String command = String.join(" ", exec) + stdin(wrapper);
        if (wrapper.runAs() == null) {
            return "exec " + command;
        }
        return "if [ \"$(id -u)\" = 0 ]; then\n  exec su -p -s /bin/sh " + quote(wrapper.runAs())
                + " -c 'exec \"$0\" \"$@\"' " + command + "\nfi\nexec " + command;
    }

    /** A here-document of the wrapper's {@code stdin} lines (unquoted delimiter: exported variables expand). */
    private static String stdin(InitWrapper wrapper) {
        if (wrapper.stdin().isEmpty()) {
            return "";
        }
        return " <<" + STDIN_END + "\n" + String.join("\n", wrapper.stdin()) + "\n" + STDIN_END;
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String resource(String name) {
        try (InputStream in = ComposeProject.class.getResourceAsStream(RESOURCES + name)) {
            return new String(
                    Objects.requireNonNull(in, "missing resource " + name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
