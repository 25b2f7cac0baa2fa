package io.devstack.infra.helm;

import static io.devstack.infra.helm.KubeObjects.object;

import io.devstack.infra.container.ComposeNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four Compose networks as NetworkPolicies. Every DevStack pod denies ingress by default; a pod on network N
 * (label {@code devstack.io/network-N}) admits every pod on N. Policies add up, so a pod on two networks admits
 * both, which is exactly who can reach a container on those Compose networks. Egress is left open, as in Compose.
 * With the Ingress switched on, the API pods also admit traffic from other namespaces (the ingress controller).
 */
final class ChartNetworkPolicies {

    static final String DEFAULT_DENY = "devstack-default-deny";
    static final String API_INGRESS = "devstack-apis-from-ingress";
    static final String API_LABEL = "devstack.io/api";

    private ChartNetworkPolicies() {}

    static String policyName(ComposeNetwork network) {
        return "devstack-network-" + network.id();
    }

    static List<Map<String, Object>> objects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(object(
                "networking.k8s.io/v1",
                "NetworkPolicy",
                DEFAULT_DENY,
                Map.of(
                        "spec",
                        Map.of(
                                "podSelector", Map.of("matchLabels", Map.of(KubeObjects.PART_OF, "devstack")),
                                "policyTypes", List.of("Ingress")))));
        for (ComposeNetwork network : ComposeNetwork.values()) {
            Map<String, Object> members = Map.of("matchLabels", Map.of(KubeObjects.networkLabel(network), "true"));
            objects.add(object(
                    "networking.k8s.io/v1",
                    "NetworkPolicy",
                    policyName(network),
                    Map.of(
                            "spec",
                            Map.of(
                                    "podSelector", members,
                                    "policyTypes", List.of("Ingress"),
                                    "ingress", List.of(Map.of("from", List.of(Map.of("podSelector", members))))))));
        }
        return objects;
    }

    /** Only rendered with {@code apis.ingress.enabled}: the ingress controller reaches the APIs' HTTP ports. */
    static Map<String, Object> apiIngress() {
        return object(
                "networking.k8s.io/v1",
                "NetworkPolicy",
                API_INGRESS,
                Map.of(
                        "spec",
                        Map.of(
                                "podSelector", Map.of("matchLabels", Map.of(API_LABEL, "true")),
                                "policyTypes", List.of("Ingress"),
                                "ingress", List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of())))))));
    }
}
