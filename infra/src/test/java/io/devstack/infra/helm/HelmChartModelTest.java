package io.devstack.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.container.ComposeNetwork;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.Mount;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rendered chart against the stack model: services, images, ports, probes, volumes, AppRoles, networks. */
class HelmChartModelTest {

    private static final VaultLayout LAYOUT = VaultLayout.standard();
    private static Path chart;

    @BeforeAll
    static void writeChart() {
        chart = RenderedChart.write(Set.of(), RenderedChart.tempDir("devstack-chart"));
    }

    @Test
    void withoutValuesTheChartRunsWhatStandardPlusReferenceRuns() {
        List<Map<String, Object>> objects = RenderedChart.objects(RenderedChart.template(chart, Map.of()));
        assertThat(workloadNames(objects))
                .containsExactlyInAnyOrderElementsOf(
                        names(StackServices.select(EnumSet.of(Profile.STANDARD, Profile.REFERENCE))));
    }

    @Test
    void everyProfileSelectionRunsExactlyTheComposeServices() {
        for (Set<Profile> selection : RenderedChart.allSelections()) {
            List<Map<String, Object>> objects = render(selection);
            assertThat(workloadNames(objects))
                    .as("%s", selection)
                    .containsExactlyInAnyOrderElementsOf(names(StackServices.select(selection)));
        }
    }

    @Test
    void everyServiceHasTheModelsImagePortsProbesVolumesAndLimits() {
        List<Map<String, Object>> objects = render(EnumSet.allOf(Profile.class));
        for (StackService service : StackServices.ALL) {
            ContainerSpec spec = StackContainers.of(service);
            Map<String, Object> container = container(workload(objects, service.name()));
            assertThat(container.get("image")).as(service.name()).isEqualTo(spec.image());
            List<Integer> ports = spec.ports().stream()
                    .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1)))
                    .toList();
            if (!ports.isEmpty()) {
                assertThat(list(map(find(objects, "Service", service.name()).get("spec"))
                                        .get("ports"))
                                .stream()
                                .map(p -> map(p).get("port"))
                                .toList())
                        .as(service.name() + " Service ports")
                        .containsExactlyElementsOf(ports);
            }
            Map<String, Object> limits = map(map(container.get("resources")).get("limits"));
            assertThat(limits.get("memory")).isEqualTo(KubeObjects.memory(spec.memory()));
            assertThat(limits.get("cpu")).isEqualTo(KubeObjects.cpu(spec.cpus()));
            probes(service, spec, container);
            volumes(service, spec, objects, container);
        }
    }

    @Test
    void everyVaultClientHasItsOwnServiceAccountAndAppRoleAndNothingShared() {
        List<Map<String, Object>> objects = render(EnumSet.allOf(Profile.class));
        String script = readScript();
        List<String> bootstrapSecrets =
                list(map(list(find(objects, "Role", ChartJobs.BOOTSTRAP).get("rules"))
                                        .get(1))
                                .get("resourceNames"))
                        .stream()
                        .map(Object::toString)
                        .toList();
        for (AppRoleSpec client : LAYOUT.clients()) {
            Map<String, Object> pod = pod(workload(objects, client.name()));
            assertThat(find(objects, "ServiceAccount", client.name()).get("automountServiceAccountToken"))
                    .isEqualTo(false);
            assertThat(pod.get("serviceAccountName")).isEqualTo(client.name());
            List<String> appRoles = list(pod.get("volumes")).stream()
                    .map(v -> map(map(v).get("secret")))
                    .filter(Objects::nonNull)
                    .map(s -> s.get("secretName").toString())
                    .filter(s -> s.startsWith("devstack-approle-"))
                    .toList();
            assertThat(appRoles).as(client.name()).containsExactly(ServiceTemplate.appRoleSecret(client.name()));
            assertThat(script)
                    .contains("vault write auth/approle/role/" + client.appRoleName() + " -")
                    .contains("vault policy write " + client.policyName() + " -")
                    .contains("\"$OUT/approle-" + client.name() + "\"/secret-id");
            assertThat(bootstrapSecrets).contains(ServiceTemplate.appRoleSecret(client.name()));
        }
        assertThat(objects.stream()
                        .filter(o -> o.get("kind").equals("ServiceAccount"))
                        .count())
                .as("one ServiceAccount per workload plus the bootstrap Job's")
                .isEqualTo(StackServices.ALL.size() + 1);
    }

    @Test
    void networkPoliciesAdmitExactlyTheComposeNetworksPaths() {
        List<Map<String, Object>> objects = render(EnumSet.allOf(Profile.class));
        List<Map<String, Object>> policies = objects.stream()
                .filter(o -> o.get("kind").equals("NetworkPolicy"))
                .toList();
        for (StackService from : StackServices.ALL) {
            Map<String, Object> fromLabels = podLabels(workload(objects, from.name()));
            for (StackService to : StackServices.ALL) {
                Map<String, Object> toLabels = podLabels(workload(objects, to.name()));
                boolean shared = StackContainers.of(from).networks().stream()
                        .anyMatch(StackContainers.of(to).networks()::contains);
                assertThat(admits(policies, fromLabels, toLabels))
                        .as("%s -> %s", from.name(), to.name())
                        .isEqualTo(shared);
            }
        }
        for (ComposeNetwork network : ComposeNetwork.values()) {
            assertThat(find(objects, "NetworkPolicy", ChartNetworkPolicies.policyName(network)))
                    .isNotNull();
        }
    }

    @Test
    void theRedisClusterJobFormsTheSelectedNodes() {
        Map<String, Object> minimal = findByPrefix(render(EnumSet.of(Profile.MINIMAL)), "Job", ChartJobs.REDIS_CLUSTER);
        Map<String, Object> standard =
                findByPrefix(render(EnumSet.of(Profile.STANDARD)), "Job", ChartJobs.REDIS_CLUSTER);
        assertThat(container(minimal).get("args")).isEqualTo(List.of("redis-1:6379"));
        assertThat(container(standard).get("args")).isEqualTo(List.of("redis-1:6379 redis-2:6380 redis-3:6381"));
    }

    /** Ingress NetworkPolicy semantics: an isolated pod admits a source when some policy selecting it lists it. */
    private static boolean admits(
            List<Map<String, Object>> policies, Map<String, Object> from, Map<String, Object> to) {
        boolean isolated = false;
        for (Map<String, Object> policy : policies) {
            Map<String, Object> spec = map(policy.get("spec"));
            if (!matches(map(spec.get("podSelector")), to)) {
                continue;
            }
            isolated = true;
            for (Object rule : list(spec.get("ingress"))) {
                for (Object peer : list(map(rule).get("from"))) {
                    Map<String, Object> selector = map(map(peer).get("podSelector"));
                    if (selector != null && matches(selector, from)) {
                        return true;
                    }
                }
            }
        }
        return !isolated;
    }

    private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> match = map(selector.get("matchLabels"));
        return match == null
                || match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static void probes(StackService service, ContainerSpec spec, Map<String, Object> container) {
        Map<String, Object> readiness = map(container.get("readinessProbe"));
        if (StackServices.apis().contains(service)) {
            assertThat(map(readiness.get("httpGet")).get("path")).isEqualTo("/health/all");
            assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
                    .isEqualTo("/health/");
        } else if (spec.health() != null) {
            assertThat(map(readiness.get("exec")).get("command"))
                    .as(service.name())
                    .isEqualTo(List.of("/bin/sh", "-c", spec.health().shellCommand()));
            assertThat(readiness.get("failureThreshold"))
                    .isEqualTo(spec.health().retries());
            assertThat(readiness.get("periodSeconds"))
                    .isEqualTo((int) spec.health().interval().toSeconds());
        }
    }

    private static void volumes(
            StackService service,
            ContainerSpec spec,
            List<Map<String, Object>> objects,
            Map<String, Object> container) {
        Map<String, Object> workload = workload(objects, service.name());
        List<String> claims = list(map(workload.get("spec")).get("volumeClaimTemplates")).stream()
                .map(c -> map(map(c).get("metadata")).get("name").toString())
                .toList();
        List<String> modelVolumes = spec.mounts().stream()
                .filter(m -> m.kind() == Mount.Kind.VOLUME)
                .map(Mount::source)
                .toList();
        assertThat(claims).as(service.name() + " PVCs").containsExactlyElementsOf(modelVolumes);
        assertThat(workload.get("kind")).isEqualTo(modelVolumes.isEmpty() ? "Deployment" : "StatefulSet");
        List<String> mountPaths = list(container.get("volumeMounts")).stream()
                .map(m -> map(m).get("mountPath").toString())
                .toList();
        spec.mounts().forEach(m -> assertThat(mountPaths).as(service.name()).contains(m.target()));
    }

    private static String readScript() {
        try {
            return Files.readString(chart.resolve(ChartFiles.CONFIG_DIR + "vault-bootstrap.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> render(Set<Profile> selection) {
        return RenderedChart.objects(RenderedChart.template(chart, RenderedChart.values(selection, false)));
    }

    private static List<String> workloadNames(List<Map<String, Object>> objects) {
        return objects.stream()
                .filter(o -> Set.of("StatefulSet", "Deployment").contains(o.get("kind")))
                .map(o -> map(o.get("metadata")).get("name").toString())
                .toList();
    }

    private static List<String> names(List<StackService> services) {
        return services.stream().map(StackService::name).toList();
    }

    private static Map<String, Object> workload(List<Map<String, Object>> objects, String name) {
        Map<String, Object> w = find(objects, "StatefulSet", name);
        return w != null ? w : find(objects, "Deployment", name);
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.get("kind").equals(kind))
                .filter(o -> map(o.get("metadata")).get("name").equals(name))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> findByPrefix(List<Map<String, Object>> objects, String kind, String prefix) {
        return objects.stream()
                .filter(o -> o.get("kind").equals(kind))
                .filter(o -> map(o.get("metadata")).get("name").toString().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> pod(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
                .get("labels"));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(pod(workload).get("containers")).getFirst());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Object> list(Object o) {
        return o == null ? List.of() : new ArrayList<>((List<?>) o);
    }
}
