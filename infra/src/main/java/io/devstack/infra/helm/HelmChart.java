package io.devstack.infra.helm;

import static io.devstack.infra.helm.KubeObjects.object;
import static io.devstack.infra.helm.TemplateYaml.block;
import static io.devstack.infra.helm.TemplateYaml.optionalLines;
import static io.devstack.infra.helm.TemplateYaml.value;

import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import io.devstack.infra.vault.VaultLifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes the Helm chart of the whole stack from the model: every service under the profiles that select it in
 * Compose (chart value {@code profiles} switches them), the Vault bootstrap and Redis cluster Jobs, the
 * NetworkPolicies of the four Compose networks, an optional Ingress for the APIs, and a documented
 * {@code values.yaml}. The chart does not depend on the profiles given here: they only set its default selection.
 */
public final class HelmChart {

    public static final String CHART_NAME = "devstack";
    public static final String CHART_VERSION = "0.1.0";
    /**
     * {@code helm install devstack ./chart} without values runs what {@code --profile standard --profile reference}
     * runs.
     */
    public static final List<Profile> DEFAULT_PROFILES = List.of(Profile.STANDARD, Profile.REFERENCE);

    private static final String RESOURCES = "/io/devstack/infra/helm/";

    private final VaultLayout layout;

    public HelmChart(VaultLayout layout) {
        this.layout = layout;
    }

    /** Writes the chart into {@code dir}; {@code profiles} (none: the default) become the values' selection. */
    public Path write(Collection<Profile> profiles, Path dir) {
        try {
            for (Map.Entry<String, String> file : files(profiles.isEmpty() ? DEFAULT_PROFILES : List.copyOf(profiles))
                    .entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Helm chart to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Chart path → contents. */
    Map<String, String> files(List<Profile> profiles) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Chart.yaml", chartYaml());
        files.put("values.yaml", new ChartValues(profiles).yaml());
        files.put(".helmignore", "# nothing to ignore: every file of this chart is generated\n");
        files.put("templates/_helpers.tpl", helpers());
        files.put(
                "templates/NOTES.txt",
                resource("NOTES.txt")
                        .replace("@KEY_SHARES@", Integer.toString(VaultLifecycle.KEY_SHARES))
                        .replace("@KEY_THRESHOLD@", Integer.toString(VaultLifecycle.KEY_THRESHOLD)));
        files.put("templates/configmaps.yaml", configMaps());
        for (StackService service : StackServices.ALL) {
            ServiceTemplate template = new ServiceTemplate(service);
            files.put(
                    "templates/" + service.name() + ".yaml",
                    TemplateYaml.documents(condition(service), template.objects()));
        }
        ChartJobs jobs = new ChartJobs(layout);
        files.put("templates/vault-bootstrap.yaml", TemplateYaml.documents(null, jobs.vaultBootstrap()));
        files.put(
                "templates/redis-cluster.yaml",
                TemplateYaml.documents(condition(StackServices.redisNodes().getFirst()), List.of(jobs.redisCluster())));
        files.put("templates/network-policies.yaml", TemplateYaml.documents(null, ChartNetworkPolicies.objects()));
        String apis = condition(StackServices.apis().getFirst());
        files.put(
                "templates/ingress.yaml",
                TemplateYaml.documents(
                        "and (" + apis + ") .Values.apis.ingress.enabled",
                        List.of(ingress(), ChartNetworkPolicies.apiIngress())));
        ChartFiles.all(new VaultBootstrapScript(layout).script()).forEach(files::put);
        return files;
    }

    /** The template condition of a service: one of the profiles that select it in Compose is chosen. */
    static String condition(StackService service) {
        List<Profile> selecting = StackServices.profilesSelecting(service);
        if (selecting.size() == Profile.values().length) {
            return null;
        }
        return "or "
                + selecting.stream()
                        .map(p -> "(has \"" + p.id() + "\" .Values.profiles)")
                        .collect(Collectors.joining(" "));
    }

    private static String chartYaml() {
        return """
                # Generated by `devstack generate --target helm` from the stack model; edits are overwritten.
                apiVersion: v2
                name: %s
                description: DevStack Core (Vault, PostgreSQL, MySQL, MongoDB, a Redis cluster, RabbitMQ, \
                five reference APIs) on Kubernetes
                type: application
                version: %s
                appVersion: "%s"
                kubeVersion: ">=1.25.0-0"
                """.formatted(CHART_NAME, CHART_VERSION, CHART_VERSION);
    }

    private static String helpers() {
        String ids =
                Arrays.stream(Profile.values()).map(p -> "\"" + p.id() + "\"").collect(Collectors.joining(" "));
        String text = Arrays.stream(Profile.values()).map(Profile::id).collect(Collectors.joining(", "));
        StringBuilder nodes = new StringBuilder();
        for (StackService service : StackServices.redisNodes()) {
            String append = "{{- $nodes = append $nodes \"" + service.name() + ":" + service.mainPort() + "\" }}\n";
            String condition = condition(service);
            nodes.append(condition == null ? append : "{{- if " + condition + " }}\n" + append + "{{- end }}\n");
        }
        return resource("_helpers.tpl")
                .replace("@PROFILES@", ids)
                .replace("@PROFILE_TEXT@", text)
                .replace("@REDIS_NODES@\n", nodes.toString());
    }

    private static String configMaps() {
        Map<String, Object> init = object(
                "v1",
                "ConfigMap",
                ServiceTemplate.INIT_CONFIG_MAP,
                Map.of("data", block("(.Files.Glob \"" + ChartFiles.INIT_DIR + "*\").AsConfig")));
        Map<String, Object> config = object(
                "v1",
                "ConfigMap",
                ServiceTemplate.FILES_CONFIG_MAP,
                Map.of("data", block("(.Files.Glob \"" + ChartFiles.CONFIG_DIR + "*\").AsConfig")));
        return "{{- include \"devstack.checkProfiles\" . }}\n" + TemplateYaml.documents(null, List.of(init, config));
    }

    private static Map<String, Object> ingress() {
        List<Map<String, Object>> rules = StackServices.apis().stream()
                .map(api -> {
                    int port = new ServiceTemplate(api).containerPorts().getFirst();
                    Map<String, Object> backend =
                            Map.of("service", Map.of("name", api.name(), "port", Map.of("number", port)));
                    return Map.<String, Object>of(
                            "host",
                            api.name() + "." + value(".Values.apis.ingress.domain"),
                            "http",
                            Map.of("paths", List.of(Map.of("path", "/", "pathType", "Prefix", "backend", backend))));
                })
                .toList();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(optionalLines("include \"devstack.ingressClassName\" ."), null);
        spec.put("rules", rules);
        return object("networking.k8s.io/v1", "Ingress", "devstack-apis", Map.of("spec", spec));
    }

    static String resource(String name) {
        try (InputStream in = HelmChart.class.getResourceAsStream(RESOURCES + name)) {
            return new String(
                    Objects.requireNonNull(in, "missing resource " + name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
