package io.devstack.infra.vault;

import io.devstack.infra.model.AppRoleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.vault.support.Policy;
import org.springframework.vault.support.Policy.BuiltinCapabilities;

/**
 * What Vault grants each {@link AppRoleSpec}: its least-privilege policy, its PKI role and its AppRole settings,
 * plus the CA lifetimes. The Java bootstrap and the Kubernetes bootstrap Job both write exactly these.
 */
public final class VaultGrants {

    public static final String ROOT_CA_TTL = "87600h";
    public static final String INTERMEDIATE_CA_TTL = "43800h";
    public static final String CERT_MAX_TTL = "8760h";

    private VaultGrants() {}

    /** Issue from its own PKI role, read its own secrets: nothing else. */
    public static Policy policy(AppRoleSpec client) {
        Policy policy = Policy.of(Policy.Rule.builder()
                .path(client.pkiIssuePath())
                .capabilities(BuiltinCapabilities.UPDATE)
                .build());
        for (String secret : client.readableSecrets()) {
            policy = policy.with(Policy.Rule.builder()
                    .path("secret/data/" + secret)
                    .capabilities(BuiltinCapabilities.READ)
                    .build());
        }
        return policy;
    }

    /** The same policy in Vault's JSON policy syntax ({@code {"path": {"<path>": {"capabilities": [...]}}}}). */
    public static Map<String, Object> policyDocument(AppRoleSpec client) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Policy.Rule rule : policy(client).getRules()) {
            paths.put(
                    rule.getPath(),
                    Map.of(
                            "capabilities",
                            rule.getCapabilities().stream()
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .toList()));
        }
        return Map.of("path", paths);
    }

    /** The only IP SANs a client's certificate may carry. */
    public static final List<String> LOOPBACK_CIDRS = List.of("127.0.0.1/32", "::1/128");

    /**
     * A client's certificates name only itself: its service name, {@code localhost} and the loopback addresses. No
     * subdomain, wildcard, glob, URI or other SAN; any other IP is refused ({@code allowed_ip_sans_cidr}, OpenBao 2.5+;
     * HashiCorp Vault, the Compose image, ignores the field with a warning and allows any IP).
     */
    public static Map<String, Object> pkiRole(AppRoleSpec client) {
        return Map.of(
                "allowed_domains", List.of(client.name(), "localhost"),
                "allow_bare_domains", true,
                "allow_subdomains", false,
                "allow_glob_domains", false,
                "allow_wildcard_certificates", false,
                "allow_localhost", true,
                "allow_ip_sans", true,
                "allowed_ip_sans_cidr", LOOPBACK_CIDRS,
                "ttl", CERT_MAX_TTL,
                "max_ttl", CERT_MAX_TTL);
    }

    public static Map<String, Object> appRole(AppRoleSpec client) {
        return Map.of(
                "token_policies", List.of(client.policyName()),
                "token_ttl", "1h",
                "token_max_ttl", "24h",
                "secret_id_ttl", "720h");
    }
}
