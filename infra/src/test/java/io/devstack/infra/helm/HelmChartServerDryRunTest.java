package io.devstack.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.model.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered chart against a real Kubernetes API server: {@code kubectl apply --dry-run=server} runs every
 * admission and validation step short of storing the objects. Needs the server {@code scripts/kube-apiserver.sh}
 * starts ({@code KUBECONFIG}); run by {@code scripts/kube-apiserver.sh verify} (Maven profile kube-apiserver).
 */
@Tag("kube-apiserver")
class HelmChartServerDryRunTest {

    @TempDir
    static Path dir;

    private static Path chart;

    @BeforeAll
    static void namespaceAndChart() throws IOException {
        assertThat(System.getenv("KUBECONFIG"))
                .as("KUBECONFIG of the API server (scripts/kube-apiserver.sh start)")
                .isNotBlank();
        chart = RenderedChart.write(Set.of(), dir.resolve("chart"));
        Path namespace = Files.writeString(
                dir.resolve("namespace.yaml"),
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + RenderedChart.NAMESPACE + "\n");
        Result created = kubectl("apply", "-f", namespace.toString());
        assertThat(created.exit()).as(created.output()).isZero();
    }

    @Test
    void everyProfileSelectionIsAcceptedByTheApiServer() throws IOException {
        for (Set<Profile> selection : RenderedChart.allSelections()) {
            Path manifests = Files.writeString(
                    dir.resolve("rendered.yaml"), RenderedChart.template(chart, RenderedChart.values(selection, true)));
            Result result =
                    kubectl("apply", "--dry-run=server", "-n", RenderedChart.NAMESPACE, "-f", manifests.toString());
            assertThat(result.exit()).as("%s: %s", selection, result.output()).isZero();
            assertThat(result.output()).as("%s", selection).contains("statefulset.apps/vault created (server dry run)");
        }
    }

    @Test
    void aNegativeReplicaCountIsRejectedWithTheServersMessage() throws IOException {
        Map<String, Object> values = Map.of("profiles", List.of("reference"), "apis", Map.of("replicas", -1));
        Path manifests = Files.writeString(dir.resolve("broken.yaml"), RenderedChart.template(chart, values));
        Result result = kubectl("apply", "--dry-run=server", "-n", RenderedChart.NAMESPACE, "-f", manifests.toString());
        assertThat(result.exit()).isNotZero();
        assertThat(result.output())
                .contains("Deployment.apps \"api-spring\" is invalid")
                .contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
        System.out.println("kube-apiserver rejected apis.replicas=-1 with: "
                + result.output()
                        .lines()
                        .filter(l -> l.contains("Invalid value"))
                        .findFirst()
                        .orElse(""));
    }

    record Result(int exit, String output) {}

    private static Result kubectl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(124, out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, out);
        }
        return new Result(process.exitValue(), out);
    }
}
