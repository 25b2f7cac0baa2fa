package io.devstack.infra.helm;

import static io.devstack.infra.helm.KubeObjects.envList;
import static io.devstack.infra.helm.KubeObjects.object;
import static io.devstack.infra.helm.KubeObjects.portName;
import static io.devstack.infra.helm.TemplateYaml.block;
import static io.devstack.infra.helm.TemplateYaml.optionalLines;
import static io.devstack.infra.helm.TemplateYaml.value;

import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.HealthCheck;
import io.devstack.infra.container.Mount;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One service of the model as Kubernetes objects: its own ServiceAccount (no API token), a Service with the
 * Compose container ports, and a StatefulSet (when it has volumes: one PVC each) or a Deployment. Image,
 * command, environment, mounts and resources come from its {@link ContainerSpec}; the Compose health check
 * becomes the readiness probe, run the same way inside the container.
 */
final class ServiceTemplate {

    static final String INIT_CONFIG_MAP = "devstack-init";
    static final String FILES_CONFIG_MAP = "devstack-files";
    static final String VAULT_KEYS_SECRET = "devstack-vault-keys";
    private static final String APPROLE_STATE = "approle/";
    private static final String VAULT_KEYS_MOUNT = "/devstack/vault-keys";
    private static final String AUTO_UNSEAL = "/devstack/vault/auto-unseal.sh";

    private final StackService service;
    private final ContainerSpec spec;
    private final boolean api;

    ServiceTemplate(StackService service) {
        this.service = service;
        this.spec = StackContainers.of(service);
        this.api = StackServices.apis().contains(service);
    }

    /**
     * The Secret holding {@code role-id} and {@code secret-id} of a Vault client (the compose {@code
     * approle/<client>}).
     */
    static String appRoleSecret(String client) {
        return "devstack-approle-" + client;
    }

    List<Map<String, Object>> objects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(object("v1", "ServiceAccount", name(), Map.of("automountServiceAccountToken", false)));
        if (!containerPorts().isEmpty()) {
            objects.add(service());
        }
        objects.add(workload());
        return objects;
    }

    String name() {
        return service.name();
    }

    private Map<String, Object> service() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", KubeObjects.selector(name()));
        spec.put(
                "ports",
                containerPorts().stream()
                        .map(p -> Map.of("name", portName(p), "port", p, "targetPort", p, "protocol", "TCP"))
                        .toList());
        if (name().equals("vault")) {
            // the bootstrap Job must reach a sealed (not ready) Vault to initialise and unseal it
            spec.put("publishNotReadyAddresses", true);
        }
        return object("v1", "Service", name(), Map.of("spec", spec));
    }

    private Map<String, Object> workload() {
        List<Mount> volumes = spec.mounts().stream()
                .filter(m -> m.kind() == Mount.Kind.VOLUME)
                .toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("replicas", api ? value(".Values.apis.replicas") : 1);
        s.put("selector", Map.of("matchLabels", KubeObjects.selector(name())));
        if (!volumes.isEmpty()) {
            s.put("serviceName", name());
        }
        Map<String, String> podLabels = new LinkedHashMap<>(KubeObjects.podLabels(name(), spec.networks()));
        if (api) {
            podLabels.put(ChartNetworkPolicies.API_LABEL, "true");
        }
        s.put("template", Map.of("metadata", Map.of("labels", podLabels), "spec", pod()));
        if (!volumes.isEmpty()) {
            s.put(
                    "volumeClaimTemplates",
                    volumes.stream().map(ServiceTemplate::claim).toList());
            return object("apps/v1", "StatefulSet", name(), Map.of("spec", s));
        }
        return object("apps/v1", "Deployment", name(), Map.of("spec", s));
    }

    private static Map<String, Object> claim(Mount volume) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("accessModes", List.of("ReadWriteOnce"));
        spec.put(optionalLines("include \"devstack.storageClassName\" ."), null);
        spec.put(
                "resources",
                Map.of(
                        "requests",
                        Map.of("storage", value("index .Values.storage.size \"" + volume.source() + "\" | quote"))));
        return Map.of("metadata", Map.of("name", volume.source()), "spec", spec);
    }

    private Map<String, Object> pod() {
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("serviceAccountName", name());
        pod.put("automountServiceAccountToken", false);
        pod.put("containers", List.of(container()));
        List<Map<String, Object>> volumes = new ArrayList<>();
        for (int i = 0; i < spec.mounts().size(); i++) {
            Map<String, Object> v = volume(spec.mounts().get(i), i);
            if (v != null) {
                volumes.add(v);
            }
        }
        if (name().equals("vault")) {
            volumes.add(Map.of(
                    "name",
                    "vault-keys",
                    "secret",
                    Map.of("secretName", VAULT_KEYS_SECRET, "optional", true, "defaultMode", 0400)));
            volumes.add(Map.of(
                    "name",
                    "auto-unseal",
                    "configMap",
                    Map.of(
                            "name",
                            FILES_CONFIG_MAP,
                            "items",
                            List.of(Map.of("key", "vault-auto-unseal.sh", "path", "auto-unseal.sh")))));
        }
        if (!volumes.isEmpty()) {
            pod.put("volumes", volumes);
        }
        return pod;
    }

    private Map<String, Object> container() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("image", value("index .Values.images \"" + name() + "\" | quote"));
        c.put("imagePullPolicy", value(".Values.imagePullPolicy | quote"));
        if (!spec.entrypoint().isEmpty()) {
            c.put("command", spec.entrypoint());
        }
        if (!spec.command().isEmpty()) {
            c.put("args", spec.command());
        }
        List<Map<String, Object>> env = new ArrayList<>(envList(spec.environment()));
        if (name().equals("vault")) {
            // Raft needs the node's own cluster address; the CLI inside the pod (kubectl exec) talks plain HTTP
            env.add(Map.of("name", "POD_IP", "valueFrom", Map.of("fieldRef", Map.of("fieldPath", "status.podIP"))));
            env.add(Map.of("name", "VAULT_CLUSTER_ADDR", "value", "http://$(POD_IP):8201"));
            env.add(Map.of("name", "VAULT_ADDR", "value", "http://127.0.0.1:8200"));
        }
        if (!env.isEmpty()) {
            c.put("env", env);
        }
        List<Integer> ports = new ArrayList<>(containerPorts());
        if (name().equals("vault")) {
            ports.add(8201);
        }
        if (!ports.isEmpty()) {
            c.put(
                    "ports",
                    ports.stream()
                            .map(p -> Map.of("name", portName(p), "containerPort", p))
                            .toList());
        }
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (int i = 0; i < spec.mounts().size(); i++) {
            mounts.addAll(volumeMounts(spec.mounts().get(i), i));
        }
        if (name().equals("vault")) {
            mounts.add(Map.of("name", "vault-keys", "mountPath", VAULT_KEYS_MOUNT, "readOnly", true));
            mounts.add(Map.of("name", "auto-unseal", "mountPath", AUTO_UNSEAL, "subPath", "auto-unseal.sh"));
            c.put("lifecycle", Map.of("postStart", Map.of("exec", Map.of("command", List.of("/bin/sh", AUTO_UNSEAL)))));
        }
        if (!mounts.isEmpty()) {
            c.put("volumeMounts", mounts);
        }
        probes(c);
        if ("root".equals(spec.user())) {
            c.put("securityContext", Map.of("runAsUser", 0));
        }
        c.put("resources", block("toYaml (index .Values.resources \"" + name() + "\")"));
        return c;
    }

    /** Readiness = the Compose health check (APIs: /health/all); liveness = the port answers (APIs: /health/). */
    private void probes(Map<String, Object> c) {
        HealthCheck health = spec.health();
        if (api) {
            int http = containerPorts().getFirst();
            c.put(
                    "startupProbe",
                    httpProbe(
                            "/health/",
                            http,
                            health.interval().toSeconds(),
                            health.timeout().toSeconds(),
                            (int) (health.startPeriod().toSeconds()
                                            / health.interval().toSeconds())
                                    + health.retries()));
            c.put(
                    "readinessProbe",
                    httpProbe(
                            "/health/all",
                            http,
                            health.interval().toSeconds(),
                            health.timeout().toSeconds(),
                            3));
            c.put(
                    "livenessProbe",
                    httpProbe(
                            "/health/",
                            http,
                            health.interval().toSeconds(),
                            health.timeout().toSeconds(),
                            3));
            return;
        }
        if (health != null) {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("exec", Map.of("command", List.of("/bin/sh", "-c", health.shellCommand())));
            probe.put("initialDelaySeconds", 5);
            probe.put("periodSeconds", health.interval().toSeconds());
            probe.put("timeoutSeconds", health.timeout().toSeconds());
            probe.put("failureThreshold", health.retries());
            c.put("readinessProbe", probe);
        } else if (name().equals("loki")) {
            // distroless image: the same /ready check the compose runtime makes from the host
            c.put("readinessProbe", httpProbe("/ready", containerPorts().getFirst(), 10, 5, 30));
        }
        if (!containerPorts().isEmpty()) {
            Map<String, Object> liveness = new LinkedHashMap<>();
            liveness.put("tcpSocket", Map.of("port", containerPorts().getFirst()));
            liveness.put(
                    "initialDelaySeconds",
                    health == null ? 30 : health.startPeriod().toSeconds() + 30);
            liveness.put("periodSeconds", 20);
            liveness.put("failureThreshold", 6);
            c.put("livenessProbe", liveness);
        }
    }

    private static Map<String, Object> httpProbe(String path, int port, long period, long timeout, int failures) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("httpGet", Map.of("path", path, "port", port));
        p.put("periodSeconds", period);
        p.put("timeoutSeconds", timeout);
        p.put("failureThreshold", failures);
        return p;
    }

    /** The ports inside the container, in the model's order (Compose {@code 127.0.0.1:host:container}). */
    List<Integer> containerPorts() {
        return spec.ports().stream()
                .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1)))
                .toList();
    }

    private Map<String, Object> volume(Mount mount, int index) {
        String name = volumeName(mount, index);
        return switch (mount.kind()) {
            case VOLUME -> null; // a volumeClaimTemplate of the StatefulSet
            case GENERATED -> Map.of("name", name, "configMap", generated(mount));
            case STATE -> Map.of("name", name, "secret", Map.of("secretName", stateSecret(mount), "defaultMode", 0400));
            case HOST -> Map.of("name", name, "hostPath", Map.of("path", mount.source()));
        };
    }

    private List<Map<String, Object>> volumeMounts(Mount mount, int index) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", volumeName(mount, index));
        m.put("mountPath", mount.target());
        if (mount.kind() == Mount.Kind.GENERATED && ChartFiles.isFile(mount.source())) {
            m.put("subPath", ChartFiles.baseName(mount.source()));
        }
        if (mount.readOnly()) {
            m.put("readOnly", true);
        }
        return List.of(m);
    }

    private static String volumeName(Mount mount, int index) {
        return mount.kind() == Mount.Kind.VOLUME
                ? mount.source()
                : mount.kind().name().toLowerCase(Locale.ROOT) + "-" + index;
    }

    /** A generated file or folder of the compose project, from the chart's ConfigMaps with its layout kept. */
    private static Map<String, Object> generated(Mount mount) {
        boolean init = mount.source().startsWith("init/");
        List<Map<String, Object>> items = ChartFiles.underneath(mount.source()).stream()
                .map(file -> Map.<String, Object>of(
                        "key", ChartFiles.key(file), "path", ChartFiles.relative(mount.source(), file)))
                .toList();
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("name", init ? INIT_CONFIG_MAP : FILES_CONFIG_MAP);
        cm.put("items", items);
        cm.put("defaultMode", 0555);
        return cm;
    }

    /** The Secret standing for a folder of the DevStack home: an AppRole, or the Prometheus metrics token. */
    static String stateSecret(Mount mount) {
        if (mount.source().startsWith(APPROLE_STATE)) {
            return appRoleSecret(mount.source().substring(APPROLE_STATE.length()));
        }
        if (mount.source().equals("compose-secrets/prometheus")) {
            return "devstack-prometheus-vault-token";
        }
        throw new IllegalStateException("no Kubernetes Secret for state folder " + mount.source());
    }
}
