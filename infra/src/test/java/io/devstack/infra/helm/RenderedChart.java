package io.devstack.infra.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated chart, rendered by the real Helm engine (helm-java bundles Helm as a native library) for a
 * profile selection; the objects are parsed back into maps to be checked against the model.
 */
final class RenderedChart {

    static final String RELEASE = "devstack";
    static final String NAMESPACE = "devstack";
    /** The Kubernetes release the chart is rendered for, validated against and dry-run on. */
    static final String KUBERNETES_VERSION = "v1.37.2";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RenderedChart() {}

    /** Every non-empty selection of the four profiles (15). */
    static List<Set<Profile>> allSelections() {
        List<Set<Profile>> selections = new ArrayList<>();
        Profile[] all = Profile.values();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            Set<Profile> s = EnumSet.noneOf(Profile.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(all[i]);
                }
            }
            selections.add(s);
        }
        return selections;
    }

    /** Writes the chart with {@code profiles} as its default selection (what `generate --profile ...` does). */
    static Path write(Set<Profile> profiles, Path dir) {
        return new HelmChart(VaultLayout.standard()).write(profiles, dir);
    }

    /** {@code helm template} of the chart with its own values overridden by {@code values} ({@code -f}). */
    static String template(Path chart, Map<String, Object> values) {
        try {
            Path file = Files.createTempFile("devstack-values", ".yaml");
            try {
                YAML.writeValue(file.toFile(), values);
                return new Helm(chart)
                        .template()
                        .withName(RELEASE)
                        .withNamespace(NAMESPACE)
                        .withKubeVersion(KUBERNETES_VERSION)
                        .withValuesFile(file)
                        .call();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values selecting {@code profiles}, with the optional parts switched on when {@code everything} is set. */
    static Map<String, Object> values(Set<Profile> profiles, boolean everything) {
        List<String> ids = profiles.stream().map(Profile::id).toList();
        if (!everything) {
            return Map.of("profiles", ids);
        }
        return Map.of(
                "profiles",
                ids,
                "apis",
                Map.of("ingress", Map.of("enabled", true, "className", "nginx")),
                "vault",
                Map.of("storeUnsealKeysInSecret", true),
                "storage",
                Map.of("storageClass", "standard"));
    }

    static List<Map<String, Object>> objects(String manifests) {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(manifests)) {
            var it = YAML.readValues(parser, Map.class);
            while (it.hasNext()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> o = it.next();
                if (o != null && !o.isEmpty()) {
                    objects.add(o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String json(Object o) {
        try {
            return JsonMapper.builder().build().writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
