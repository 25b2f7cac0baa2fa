package io.devstack.infra.helm;

import static io.devstack.infra.helm.KubeObjects.object;
import static io.devstack.infra.helm.TemplateYaml.block;
import static io.devstack.infra.helm.TemplateYaml.value;

import io.devstack.infra.container.ComposeNetwork;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two Jobs of the chart. Each is named after the release revision, so every {@code helm upgrade} runs it
 * again (Jobs are immutable; finished ones are cleaned up after a day).
 * <ul>
 *   <li>Vault bootstrap: the generated script in the vault image (initialise/unseal, configure, issue secret-ids),
 *   then {@code kubectl apply -k} of its output: one AppRole Secret per client. Its ServiceAccount may only
 *   create and patch those Secrets.</li>
 *   <li>Redis cluster: forms the cluster through the redis-1 init wrapper (redis-1's own AppRole).</li>
 * </ul>
 */
final class ChartJobs {

    static final String BOOTSTRAP = "devstack-vault-bootstrap";
    static final String REDIS_CLUSTER = "devstack-redis-cluster";
    static final String TOKEN_SECRET = "devstack-vault-bootstrap-token";
    static final String METRICS_SECRET = "devstack-prometheus-vault-token";

    private final VaultLayout layout;

    ChartJobs(VaultLayout layout) {
        this.layout = layout;
    }

    /** Every Secret the bootstrap Job writes (and only those: its Role names them). */
    List<String> bootstrapSecrets() {
        List<String> names = new ArrayList<>();
        layout.clients().forEach(c -> names.add(ServiceTemplate.appRoleSecret(c.name())));
        names.add(METRICS_SECRET);
        names.add(ServiceTemplate.VAULT_KEYS_SECRET);
        return names;
    }

    List<Map<String, Object>> vaultBootstrap() {
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(object("v1", "ServiceAccount", BOOTSTRAP, Map.of()));
        objects.add(object(
                "rbac.authorization.k8s.io/v1",
                "Role",
                BOOTSTRAP,
                Map.of(
                        "rules",
                        List.of(
                                // server-side apply: get + patch of the named Secrets; create cannot be limited by name
                                Map.of(
                                        "apiGroups",
                                        List.of(""),
                                        "resources",
                                        List.of("secrets"),
                                        "verbs",
                                        List.of("create")),
                                Map.of(
                                        "apiGroups",
                                        List.of(""),
                                        "resources",
                                        List.of("secrets"),
                                        "resourceNames",
                                        bootstrapSecrets(),
                                        "verbs",
                                        List.of("get", "patch", "update"))))));
        objects.add(object(
                "rbac.authorization.k8s.io/v1",
                "RoleBinding",
                BOOTSTRAP,
                Map.of(
                        "roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", BOOTSTRAP),
                        "subjects",
                                List.of(Map.of(
                                        "kind",
                                        "ServiceAccount",
                                        "name",
                                        BOOTSTRAP,
                                        "namespace",
                                        value(".Release.Namespace"))))));

        Map<String, Object> configure = new LinkedHashMap<>();
        configure.put("name", "configure-vault");
        configure.put("image", value("index .Values.images \"vault\" | quote"));
        configure.put("imagePullPolicy", value(".Values.imagePullPolicy | quote"));
        configure.put("command", List.of("/bin/sh", "/devstack/vault/bootstrap.sh"));
        configure.put(
                "env",
                List.of(
                        Map.of("name", "VAULT_ADDR", "value", StackContainers.VAULT_URL),
                        Map.of("name", "DEVSTACK_NAMESPACE", "value", value(".Release.Namespace | quote")),
                        Map.of(
                                "name",
                                "DEVSTACK_STORE_UNSEAL_KEYS",
                                "value",
                                value(".Values.vault.storeUnsealKeysInSecret | quote"))));
        configure.put(
                "volumeMounts",
                List.of(
                        Map.of(
                                "name",
                                "script",
                                "mountPath",
                                "/devstack/vault/bootstrap.sh",
                                "subPath",
                                "bootstrap.sh"),
                        Map.of("name", "out", "mountPath", "/out"),
                        Map.of("name", "vault-keys", "mountPath", "/devstack/vault-keys", "readOnly", true),
                        Map.of("name", "bootstrap-token", "mountPath", "/devstack/bootstrap-token", "readOnly", true)));
        configure.put("resources", block("toYaml .Values.jobs.resources"));

        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("name", "publish-secrets");
        publish.put("image", value(".Values.images.kubectl | quote"));
        publish.put("imagePullPolicy", value(".Values.imagePullPolicy | quote"));
        publish.put("command", List.of("kubectl"));
        publish.put(
                "args",
                List.of(
                        "apply",
                        "--server-side",
                        "--field-manager=devstack-vault-bootstrap",
                        "--force-conflicts",
                        "-k",
                        "/out"));
        publish.put("volumeMounts", List.of(Map.of("name", "out", "mountPath", "/out", "readOnly", true)));
        publish.put("resources", block("toYaml .Values.jobs.resources"));

        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("serviceAccountName", BOOTSTRAP);
        pod.put("restartPolicy", "Never");
        pod.put("initContainers", List.of(configure));
        pod.put("containers", List.of(publish));
        pod.put(
                "volumes",
                List.of(
                        Map.of(
                                "name",
                                "script",
                                "configMap",
                                Map.of(
                                        "name",
                                        ServiceTemplate.FILES_CONFIG_MAP,
                                        "items",
                                        List.of(Map.of("key", "vault-bootstrap.sh", "path", "bootstrap.sh")))),
                        Map.of("name", "out", "emptyDir", Map.of("medium", "Memory")),
                        Map.of(
                                "name",
                                "vault-keys",
                                "secret",
                                Map.of(
                                        "secretName",
                                        ServiceTemplate.VAULT_KEYS_SECRET,
                                        "optional",
                                        true,
                                        "defaultMode",
                                        0400)),
                        Map.of(
                                "name",
                                "bootstrap-token",
                                "secret",
                                Map.of("secretName", TOKEN_SECRET, "optional", true, "defaultMode", 0400))));
        objects.add(job(BOOTSTRAP, List.of(ComposeNetwork.VAULT), pod, 3600));
        return objects;
    }

    /** Forms the cluster over the nodes the profiles select (given by the {@code devstack.redisNodes} helper). */
    Map<String, Object> redisCluster() {
        ContainerSpec redis1 = StackContainers.of(StackServices.redisNodeNames().getFirst());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "form-cluster");
        c.put("image", value("index .Values.images \"redis-1\" | quote"));
        c.put("imagePullPolicy", value(".Values.imagePullPolicy | quote"));
        c.put("command", redis1.entrypoint());
        c.put("args", List.of(value("include \"devstack.redisNodes\" . | quote")));
        List<Map<String, Object>> env = new ArrayList<>(KubeObjects.envList(redis1.environment()));
        // the wrapper's hook: run the cluster script (with REDIS_PASSWORD exported) instead of redis-server
        env.add(Map.of("name", "DEVSTACK_INIT_EXEC", "value", "/bin/sh /devstack/redis/redis-cluster.sh"));
        c.put("env", env);
        c.put(
                "volumeMounts",
                List.of(
                        Map.of(
                                "name",
                                "init",
                                "mountPath",
                                StackContainers.INIT_MOUNT + "/redis-1.sh",
                                "subPath",
                                "redis-1.sh"),
                        Map.of(
                                "name",
                                "script",
                                "mountPath",
                                "/devstack/redis/redis-cluster.sh",
                                "subPath",
                                "redis-cluster.sh"),
                        Map.of("name", "approle", "mountPath", StackContainers.APPROLE_MOUNT, "readOnly", true)));
        c.put("resources", block("toYaml .Values.jobs.resources"));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("serviceAccountName", StackServices.redisNodeNames().getFirst());
        pod.put("automountServiceAccountToken", false);
        pod.put("restartPolicy", "Never");
        pod.put("containers", List.of(c));
        pod.put(
                "volumes",
                List.of(
                        Map.of(
                                "name",
                                "init",
                                "configMap",
                                Map.of(
                                        "name",
                                        ServiceTemplate.INIT_CONFIG_MAP,
                                        "defaultMode",
                                        0555,
                                        "items",
                                        List.of(Map.of("key", "redis-1.sh", "path", "redis-1.sh")))),
                        Map.of(
                                "name",
                                "script",
                                "configMap",
                                Map.of(
                                        "name",
                                        ServiceTemplate.FILES_CONFIG_MAP,
                                        "defaultMode",
                                        0555,
                                        "items",
                                        List.of(Map.of("key", "redis-cluster.sh", "path", "redis-cluster.sh")))),
                        Map.of(
                                "name",
                                "approle",
                                "secret",
                                Map.of(
                                        "secretName",
                                        ServiceTemplate.appRoleSecret(
                                                StackServices.redisNodeNames().getFirst()),
                                        "defaultMode",
                                        0400))));
        return job(REDIS_CLUSTER, redis1.networks(), pod, 1800);
    }

    private static Map<String, Object> job(
            String name, List<ComposeNetwork> networks, Map<String, Object> pod, int deadlineSeconds) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("backoffLimit", 4);
        spec.put("activeDeadlineSeconds", deadlineSeconds);
        spec.put("ttlSecondsAfterFinished", 86400);
        spec.put("template", Map.of("metadata", Map.of("labels", KubeObjects.podLabels(name, networks)), "spec", pod));
        Map<String, Object> job = object("batch/v1", "Job", name, Map.of("spec", spec));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) job.get("metadata");
        metadata.put("name", name + "-" + value(".Release.Revision"));
        return job;
    }
}
