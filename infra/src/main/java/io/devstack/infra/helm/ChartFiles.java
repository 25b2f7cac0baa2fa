package io.devstack.infra.helm;

import io.devstack.infra.compose.ComposeProject;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.StackServices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files the chart ships under {@code files/} and serves through two ConfigMaps: {@code files/init/} (one init
 * wrapper per Vault client, the very scripts of the Compose project) and {@code files/config/} (the Compose
 * project's config files, flattened to ConfigMap keys, with Vault's storage switched to Raft, plus the chart's
 * own scripts). Mounts keep the Compose paths.
 */
final class ChartFiles {

    static final String INIT_DIR = "files/init/";
    static final String CONFIG_DIR = "files/config/";
    /** Compose-only files: the chart has its own Vault config; API images are built outside the cluster. */
    private static final List<String> REPLACED = List.of("vault/vault.hcl", ComposeProject.API_DOCKERFILE);

    /** The header comment and {@code storage "file"} block of the compose config, replaced by Raft. */
    private static final Pattern FILE_STORAGE = Pattern.compile("(?s)\\A.*?storage \"file\" \\{.*?\\}\n");

    private static final String LISTENER_ADDRESS = "address     = \"0.0.0.0:8200\"";

    private ChartFiles() {}

    /** Chart path → contents. */
    static Map<String, String> all(String bootstrapScript) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ContainerSpec spec : StackContainers.of(StackServices.ALL)) {
            if (spec.init() != null) {
                files.put(INIT_DIR + spec.service() + ".sh", ComposeProject.initWrapper(spec.init()));
            }
        }
        for (String file : ComposeProject.CONFIG_FILES) {
            if (!REPLACED.contains(file)) {
                files.put(CONFIG_DIR + key(file), ComposeProject.configFile(file));
            }
        }
        files.put(CONFIG_DIR + key("vault/vault.hcl"), vaultConfig());
        files.put(CONFIG_DIR + "vault-auto-unseal.sh", HelmChart.resource("files/vault-auto-unseal.sh"));
        files.put(CONFIG_DIR + "redis-cluster.sh", HelmChart.resource("files/redis-cluster.sh"));
        files.put(CONFIG_DIR + "vault-bootstrap.sh", bootstrapScript);
        return files;
    }

    /** The Compose runtime's Vault config with Raft storage (Raft also needs the cluster listener). */
    static String vaultConfig() {
        String compose = ComposeProject.configFile("vault/vault.hcl");
        Matcher storage = FILE_STORAGE.matcher(compose);
        if (!storage.find() || !compose.contains(LISTENER_ADDRESS)) {
            throw new IllegalStateException("the compose vault.hcl changed shape: update ChartFiles.vaultConfig");
        }
        return HelmChart.resource("files/vault-storage.hcl")
                + compose.substring(storage.end())
                        .replace(LISTENER_ADDRESS, LISTENER_ADDRESS + "\n  cluster_address = \"0.0.0.0:8201\"");
    }

    /** Whether a generated mount source names one file (rather than a folder of them). */
    static boolean isFile(String source) {
        return source.startsWith("init/") || ComposeProject.CONFIG_FILES.contains(source);
    }

    /** The files a generated mount source covers: itself, or every config file under that folder. */
    static List<String> underneath(String source) {
        if (isFile(source)) {
            return List.of(source);
        }
        List<String> files = ComposeProject.CONFIG_FILES.stream()
                .filter(f -> f.startsWith(source + "/"))
                .toList();
        if (files.isEmpty()) {
            throw new IllegalStateException("no generated files under " + source);
        }
        return files;
    }

    /**
     * The ConfigMap key of a project file: {@code init/postgres.sh} → {@code postgres.sh}, else {@code /} → {@code _}.
     */
    static String key(String file) {
        return file.startsWith("init/") ? file.substring("init/".length()) : file.replace('/', '_');
    }

    static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Where a file lands inside the mount of {@code source}. */
    static String relative(String source, String file) {
        return file.equals(source) ? baseName(file) : file.substring(source.length() + 1);
    }
}
