package io.devstack.infra.helm;

import static io.devstack.infra.helm.TemplateYaml.value;

import io.devstack.infra.container.ComposeNetwork;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small builders for the Kubernetes objects of the chart: metadata, labels, the per-network pod labels. */
final class KubeObjects {

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String NAME = "app.kubernetes.io/name";
    static final String INSTANCE = "app.kubernetes.io/instance";
    /** A pod joins Compose network {@code n} by carrying {@code devstack.io/network-<n>: "true"}. */
    static final String NETWORK_LABEL_PREFIX = "devstack.io/network-";

    private KubeObjects() {}

    static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> spec) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.put("metadata", metadata(name, Map.of()));
        o.putAll(spec);
        return o;
    }

    static Map<String, Object> metadata(String name, Map<String, String> annotations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("labels", labels(name));
        if (!annotations.isEmpty()) {
            m.put("annotations", annotations);
        }
        return m;
    }

    /** The chart's standard labels; {@code component} names the service (or job) the object belongs to. */
    static Map<String, String> labels(String component) {
        Map<String, String> l = new LinkedHashMap<>(selector(component));
        l.put(PART_OF, "devstack");
        l.put("app.kubernetes.io/managed-by", value(".Release.Service"));
        l.put("helm.sh/chart", value(".Chart.Name") + "-" + value(".Chart.Version"));
        return l;
    }

    /** What a Service or workload selects its pods by: stable across upgrades. */
    static Map<String, String> selector(String component) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(NAME, component);
        l.put(INSTANCE, value(".Release.Name"));
        return l;
    }

    /** Pod labels: selector, part-of, and one label per Compose network the pod joins. */
    static Map<String, String> podLabels(String component, Collection<ComposeNetwork> networks) {
        Map<String, String> l = new LinkedHashMap<>(selector(component));
        l.put(PART_OF, "devstack");
        networks.forEach(n -> l.put(networkLabel(n), "true"));
        return l;
    }

    static String networkLabel(ComposeNetwork network) {
        return NETWORK_LABEL_PREFIX + network.id();
    }

    /** A Kubernetes quantity from a Compose memory limit: {@code 512m} → {@code 512Mi}, {@code 1g} → {@code 1Gi}. */
    static String memory(String compose) {
        String v = compose.toLowerCase(Locale.ROOT);
        char unit = v.charAt(v.length() - 1);
        String number = v.substring(0, v.length() - 1);
        return switch (unit) {
            case 'k' -> number + "Ki";
            case 'm' -> number + "Mi";
            case 'g' -> number + "Gi";
            default -> throw new IllegalArgumentException("unsupported memory limit '" + compose + "'");
        };
    }

    /** Millicores from Compose's {@code cpus}: 0.5 → {@code 500m}. */
    static String cpu(double cpus) {
        return Math.round(cpus * 1000) + "m";
    }

    /** A port name (IANA_SVC_NAME: at most 15 characters, lowercase letters, digits, hyphens). */
    static String portName(int port) {
        return "tcp-" + port;
    }

    static List<Map<String, Object>> envList(Map<String, String> env) {
        return env.entrySet().stream()
                .map(e -> Map.<String, Object>of("name", e.getKey(), "value", e.getValue()))
                .toList();
    }
}
