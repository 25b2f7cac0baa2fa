package io.devstack.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.devstack.infra.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated chart passes {@code helm lint} and renders objects that validate strictly against the Kubernetes
 * 1.37 API schemas, for every selection of profiles, with the optional parts (Ingress, kept unseal keys) on.
 */
class HelmChartTest {

    @TempDir
    Path dir;

    @Test
    void lintsCleanForEveryProfileSelection() {
        for (Set<Profile> selection : RenderedChart.allSelections()) {
            Path chart = RenderedChart.write(selection, dir.resolve(name(selection)));
            LintResult lint = new Helm(chart).lint().strict().call();
            assertThat(lint.isFailed())
                    .as("helm lint --strict of %s: %s", selection, lint.getMessages())
                    .isFalse();
        }
    }

    @Test
    void everyProfileSelectionValidatesStrictlyAgainstTheKubernetesApiSchemas() throws IOException {
        Path chart = RenderedChart.write(Set.of(), dir.resolve("chart"));
        List<Path> manifests = new ArrayList<>();
        for (Set<Profile> selection : RenderedChart.allSelections()) {
            Path file = dir.resolve(name(selection) + ".yaml");
            Files.writeString(file, RenderedChart.template(chart, RenderedChart.values(selection, true)));
            manifests.add(file);
        }
        KubernetesValidate.Result result = KubernetesValidate.validate(manifests);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("ERROR");
    }

    @Test
    void aMisspeltProfileFailsTheRenderWithOneLine() {
        Path chart = RenderedChart.write(Set.of(), dir.resolve("chart"));
        assertThatThrownBy(() -> RenderedChart.template(chart, Map.of("profiles", List.of("standrad"))))
                .hasMessageContaining("unknown profile \"standrad\" in .Values.profiles; choose from minimal, "
                        + "standard, full, reference");
    }

    private static String name(Set<Profile> selection) {
        return selection.stream().map(Profile::id).collect(Collectors.joining("-"));
    }
}
