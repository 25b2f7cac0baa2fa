package io.devstack.infra.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.devstack.infra.compose.VaultMetricsToken;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.SecretField;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import io.devstack.infra.vault.Passwords;
import io.devstack.infra.vault.VaultGrants;
import io.devstack.infra.vault.VaultLifecycle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bootstrap Job's script: the steps of the Java {@code VaultBootstrap} and {@code AppRoleFiles} as {@code vault}
 * CLI calls, generated from the same {@link VaultLayout} and {@link VaultGrants}, so Kubernetes gets the same
 * engines, CAs, secrets, policies, PKI roles and AppRoles as the native and compose runtimes.
 */
final class VaultBootstrapScript {

    /** Keys sorted: the bodies are built with {@code Map.of}, whose order changes from one JVM run to the next. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private final VaultLayout layout;

    VaultBootstrapScript(VaultLayout layout) {
        this.layout = layout;
    }

    String script() {
        return HelmChart.resource("files/vault-bootstrap.sh")
                .replace("@KEY_SHARES@", Integer.toString(VaultLifecycle.KEY_SHARES))
                .replace("@KEY_THRESHOLD@", Integer.toString(VaultLifecycle.KEY_THRESHOLD))
                .replace("@PASSWORD_LENGTH@", Integer.toString(Passwords.LENGTH))
                .replace("@CONFIGURE@", configure());
    }

    private String configure() {
        StringBuilder s = new StringBuilder();
        s.append("# engines: KV v2, root and intermediate PKI, AppRole auth\n")
                .append("vault secrets list -format=json >\"$WORK/mounts.json\"\n")
                .append("grep -q '\"secret/\"' \"$WORK/mounts.json\" || vault secrets enable -path=secret -version=2 "
                        + "-description='DevStack credentials' kv\n")
                .append("grep -q '\"pki/\"' \"$WORK/mounts.json\" || vault secrets enable -path=pki -max-lease-ttl=")
                .append(VaultGrants.ROOT_CA_TTL)
                .append(" -description='DevStack root CA' pki\n")
                .append("grep -q '\"pki_int/\"' \"$WORK/mounts.json\" || vault secrets enable -path=pki_int "
                        + "-max-lease-ttl=")
                .append(VaultGrants.INTERMEDIATE_CA_TTL)
                .append(" -description='DevStack intermediate CA, issues service certificates' pki\n")
                .append("vault auth list -format=json | grep -q '\"approle/\"' || vault auth enable approle\n\n");
        s.append("# root CA, then the intermediate signed by it (with the root in its chain)\n")
                .append("if ! vault list pki/issuers >/dev/null 2>&1; then\n")
                .append("  vault write pki/root/generate/internal common_name='DevStack Root CA' "
                        + "issuer_name=devstack-root ttl=")
                .append(VaultGrants.ROOT_CA_TTL)
                .append(" >/dev/null\n  log 'root CA generated at pki/'\nfi\n")
                .append("if ! vault list pki_int/issuers >/dev/null 2>&1; then\n")
                .append("  vault write -field=csr pki_int/intermediate/generate/internal common_name='DevStack "
                        + "Intermediate CA' "
                        + ">\"$WORK/int.csr\"\n")
                .append("  vault write -field=certificate pki/root/sign-intermediate csr=@\"$WORK/int.csr\" "
                        + "format=pem ttl=")
                .append(VaultGrants.INTERMEDIATE_CA_TTL)
                .append(" >\"$WORK/chain.pem\"\n")
                .append("  echo >>\"$WORK/chain.pem\"\n")
                .append("  vault read -field=certificate pki/cert/ca >>\"$WORK/chain.pem\"\n")
                .append("  vault write pki_int/intermediate/set-signed certificate=@\"$WORK/chain.pem\" >/dev/null\n")
                .append("  # of the imported issuers only the intermediate has its key in pki_int: make it the "
                        + "default\n")
                .append("  for id in $(vault list -format=json pki_int/issuers | tr -d '[]\",'); do\n")
                .append("    [ -n \"$(vault read -field=key_id \"pki_int/issuer/$id\")\" ] && vault write "
                        + "pki_int/config/issuers "
                        + "default=\"$id\" >/dev/null\n")
                .append("  done\n  log 'intermediate CA at pki_int/ signed by the root'\nfi\n");
        for (String mount : List.of("pki", "pki_int")) {
            String base = StackContainers.VAULT_URL + "/v1/" + mount;
            s.append("vault write ")
                    .append(mount)
                    .append("/config/urls issuing_certificates=")
                    .append(base)
                    .append("/ca crl_distribution_points=")
                    .append(base)
                    .append("/crl >/dev/null\n");
        }
        s.append('\n').append(secrets()).append('\n');
        s.append("# one least-privilege policy, PKI role and AppRole per client; a fresh secret-id for each\n");
        for (AppRoleSpec client : layout.clients()) {
            s.append(writeJson("vault policy write " + client.policyName() + " -", VaultGrants.policyDocument(client)));
            s.append(
                    writeJson("vault write pki_int/roles/" + client.pkiRoleName() + " -", VaultGrants.pkiRole(client)));
            s.append(writeJson(
                    "vault write auth/approle/role/" + client.appRoleName() + " -", VaultGrants.appRole(client)));
            String dir = "\"$OUT/approle-" + client.name() + "\"";
            s.append("mkdir -p ")
                    .append(dir)
                    .append('\n')
                    .append("vault read -field=role_id auth/approle/role/")
                    .append(client.appRoleName())
                    .append("/role-id >")
                    .append(dir)
                    .append("/role-id\n")
                    .append("vault write -f -field=secret_id auth/approle/role/")
                    .append(client.appRoleName())
                    .append("/secret-id >")
                    .append(dir)
                    .append("/secret-id\n");
        }
        s.append("log 'policies, PKI roles and AppRoles written for ")
                .append(layout.clients().size())
                .append(" clients'\n\n");
        s.append("# the read-only token Prometheus scrapes Vault's metrics with, as the compose runtime makes it\n")
                .append(writeJson(
                        "vault policy write " + VaultMetricsToken.POLICY + " -",
                        Map.of("path", Map.of("sys/metrics", Map.of("capabilities", List.of("read"))))))
                .append("mkdir -p \"$OUT/prometheus-vault-token\"\n")
                .append("vault token create -orphan -period=768h -policy=")
                .append(VaultMetricsToken.POLICY)
                .append(" -display-name=prometheus -field=token >\"$OUT/prometheus-vault-token/vault-token\"\n");
        return s.toString();
    }

    /** Creates each missing secret with check-and-set 0; existing secrets keep their values. */
    private String secrets() {
        StringBuilder s = new StringBuilder("# credentials: created once with cas=0, never overwritten\n");
        Set<String> groups = new LinkedHashSet<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (SecretSpec spec : layout.secrets()) {
            spec.fields().forEach((field, how) -> {
                if (how instanceof SecretField.Password(String group) && group != null) {
                    groups.add(group);
                    members.computeIfAbsent(group, g -> new ArrayList<>())
                            .add("vault kv get -field=" + field + " secret/" + spec.name() + " 2>/dev/null");
                }
            });
        }
        for (String group : groups) {
            // a password shared by several secrets (the Redis nodes): keep the one already in Vault, if any
            s.append("shared_")
                    .append(group)
                    .append("=$(")
                    .append(String.join(" || ", members.get(group)))
                    .append(" || password)\n");
        }
        for (SecretSpec spec : layout.secrets()) {
            List<String> fields = new ArrayList<>();
            spec.fields()
                    .forEach((field, how) -> fields.add("\\\"" + field + "\\\":"
                            + switch (how) {
                                case SecretField.Fixed(String value) -> "\\\"" + value + "\\\"";
                                case SecretField.Flag(boolean initial) -> Boolean.toString(initial);
                                case SecretField.Password(String group) ->
                                    "\\\"" + (group == null ? "$(password)" : "$shared_" + group) + "\\\"";
                            }));
            s.append("vault kv get secret/")
                    .append(spec.name())
                    .append(" >/dev/null 2>&1 || { printf '%s' \"")
                    .append("{\\\"options\\\":{\\\"cas\\\":0},\\\"data\\\":{")
                    .append(String.join(",", fields))
                    .append("}}\" | vault write ")
                    .append(spec.dataPath())
                    .append(" - >/dev/null; log 'created secret/")
                    .append(spec.name())
                    .append("'; }\n");
        }
        return s.toString();
    }

    private static String writeJson(String command, Object body) {
        try {
            return command + " >/dev/null <<'JSON'\n" + JSON.writeValueAsString(body) + "\nJSON\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
