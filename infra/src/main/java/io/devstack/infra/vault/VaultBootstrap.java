package io.devstack.infra.vault;

import io.devstack.infra.Progress;
import io.devstack.infra.model.SecretField;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.core.VaultSysOperations;
import org.springframework.vault.support.VaultMount;
import org.springframework.vault.support.VaultResponse;

/**
 * Brings an unsealed Vault to the {@link VaultLayout}: engines, PKI, credentials, policies, AppRoles.
 * Every step checks before it creates, so it runs on every {@code up}; passwords are written once with
 * check-and-set and never replaced.
 */
final class VaultBootstrap {

    static final String ROOT_CA_TTL = VaultGrants.ROOT_CA_TTL;
    static final String INTERMEDIATE_CA_TTL = VaultGrants.INTERMEDIATE_CA_TTL;

    private final VaultOperations vault;
    private final VaultSysOperations sys;
    private final URI address;
    private final VaultLayout layout;
    private final Progress progress;

    VaultBootstrap(VaultOperations vault, URI address, VaultLayout layout, Progress progress) {
        this.vault = vault;
        this.sys = vault.opsForSys();
        this.address = address;
        this.layout = layout;
        this.progress = progress;
    }

    /** What the data services need to start: the engines, the CA chain and every secret. */
    void ensureSecrets() {
        mountEngines();
        ensureRootCa();
        ensureIntermediateCa();
        int created = writeMissingSecrets();
        if (created > 0) {
            progress.step(
                    "vault: " + created + " secrets created under secret/ (passwords generated, never overwritten)");
        }
    }

    /** What the reference APIs need to log in: each client's policy, PKI role and AppRole. */
    void grantClients() {
        VaultCalls.inParallel(layout.clients(), client -> {
            VaultCalls.during(
                    "writing policy " + client.policyName(),
                    () -> sys.createOrUpdatePolicy(client.policyName(), VaultGrants.policy(client)));
            VaultCalls.during(
                    "writing PKI role " + client.pkiRoleName(),
                    () -> vault.write("pki_int/roles/" + client.pkiRoleName(), VaultGrants.pkiRole(client)));
            VaultCalls.during(
                    "writing AppRole " + client.appRoleName(),
                    () -> vault.write("auth/approle/role/" + client.appRoleName(), VaultGrants.appRole(client)));
            return null;
        });
    }

    private void mountEngines() {
        Map<String, VaultMount> mounts = VaultCalls.during("listing secrets engines", sys::getMounts);
        VaultMount kv = mounts.get("secret/");
        if (kv == null) {
            VaultCalls.during(
                    "enabling KV v2 at secret/",
                    () -> sys.mount(
                            "secret",
                            VaultMount.builder()
                                    .type("kv")
                                    .options(Map.of("version", "2"))
                                    .description("DevStack credentials")
                                    .build()));
        } else if (!"2".equals(kv.getOptions() == null ? null : kv.getOptions().get("version"))) {
            throw new VaultSetupException("vault: secret/ is mounted but is not KV version 2: "
                    + "unmount it or run `devstack down --volumes` to start Vault afresh");
        }
        mountPki(mounts, "pki", ROOT_CA_TTL, "DevStack root CA");
        mountPki(mounts, "pki_int", INTERMEDIATE_CA_TTL, "DevStack intermediate CA, issues service certificates");
        if (!VaultCalls.during("listing auth methods", sys::getAuthMounts).containsKey("approle/")) {
            VaultCalls.during("enabling AppRole auth", () -> sys.authMount("approle", VaultMount.create("approle")));
        }
        if (kv == null) {
            progress.step("vault: engines enabled (KV v2 at secret/, PKI at pki/ and pki_int/, AppRole auth)");
        }
    }

    private void mountPki(Map<String, VaultMount> mounts, String path, String maxTtl, String description) {
        if (!mounts.containsKey(path + "/")) {
            VaultCalls.during(
                    "enabling PKI at " + path + "/",
                    () -> sys.mount(
                            path,
                            VaultMount.builder()
                                    .type("pki")
                                    .description(description)
                                    .config(Map.of("max_lease_ttl", maxTtl))
                                    .build()));
        }
    }

    private void ensureRootCa() {
        if (VaultCalls.during("listing pki/ issuers", () -> vault.list("pki/issuers"))
                .isEmpty()) {
            VaultCalls.during(
                    "generating the root CA",
                    () -> vault.write(
                            "pki/root/generate/internal",
                            Map.of(
                                    "common_name",
                                    "DevStack Root CA",
                                    "issuer_name",
                                    "devstack-root",
                                    "ttl",
                                    ROOT_CA_TTL)));
            progress.step("vault: root CA generated at pki/ (10 years)");
        }
        writeUrls("pki");
    }

    private void ensureIntermediateCa() {
        if (!VaultCalls.during("listing pki_int/ issuers", () -> vault.list("pki_int/issuers"))
                .isEmpty()) {
            writeUrls("pki_int");
            return;
        }
        String csr = (String) writeForData(
                        "generating the intermediate CA key",
                        "pki_int/intermediate/generate/internal",
                        Map.of("common_name", "DevStack Intermediate CA"))
                .get("csr");
        Map<String, Object> signed = writeForData(
                "signing the intermediate CA",
                "pki/root/sign-intermediate",
                Map.of("csr", csr, "format", "pem", "ttl", INTERMEDIATE_CA_TTL));
        // import the root with it, so issued certificates carry the whole chain
        String chain = signed.get("certificate") + "\n" + signed.get("issuing_ca");
        Map<String, Object> imported = writeForData(
                "installing the intermediate CA", "pki_int/intermediate/set-signed", Map.of("certificate", chain));
        // of the imported issuers only the intermediate has its key in pki_int: make it the default explicitly
        String intermediate = ((Map<?, ?>) imported.get("mapping"))
                .entrySet().stream()
                        .filter(e ->
                                e.getValue() != null && !e.getValue().toString().isBlank())
                        .map(e -> e.getKey().toString())
                        .findFirst()
                        .orElseThrow(() -> new VaultSetupException("vault: installing the intermediate CA failed: "
                                + "pki_int imported no issuer with a key"));
        VaultCalls.during(
                "setting the default pki_int issuer",
                () -> vault.write("pki_int/config/issuers", Map.of("default", intermediate)));
        writeUrls("pki_int");
        progress.step("vault: intermediate CA at pki_int/ signed by the root (5 years)");
    }

    private void writeUrls(String mount) {
        String base = address.toString().replaceAll("/+$", "") + "/v1/" + mount;
        VaultCalls.during(
                "writing " + mount + "/ URLs",
                () -> vault.write(
                        mount + "/config/urls",
                        Map.of(
                                "issuing_certificates",
                                List.of(base + "/ca"),
                                "crl_distribution_points",
                                List.of(base + "/crl"))));
    }

    /** Creates missing secrets and adds fields missing from existing ones; existing values are never touched. */
    private int writeMissingSecrets() {
        Map<String, Map<String, Object>> current = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        for (SecretSpec spec : layout.secrets()) {
            VaultResponse response =
                    VaultCalls.during("reading secret/" + spec.name(), () -> vault.read(spec.dataPath()));
            if (response == null
                    || response.getData() == null
                    || !(response.getData().get("data") instanceof Map<?, ?> data)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            data.forEach((k, v) -> values.put(k.toString(), v));
            current.put(spec.name(), values);
            versions.put(
                    spec.name(), ((Number) ((Map<?, ?>) response.getData().get("metadata")).get("version")).intValue());
            spec.fields().forEach((field, how) -> {
                if (how instanceof SecretField.Password(String group) && group != null && values.get(field) != null) {
                    shared.putIfAbsent(group, values.get(field).toString());
                }
            });
        }
        int written = 0;
        for (SecretSpec spec : layout.secrets()) {
            Map<String, Object> values = new LinkedHashMap<>(current.getOrDefault(spec.name(), Map.of()));
            boolean complete = values.keySet().containsAll(spec.fields().keySet());
            if (complete) {
                continue;
            }
            spec.fields().forEach((field, how) -> values.computeIfAbsent(field, f -> firstValue(how, shared)));
            int version = versions.containsKey(spec.name()) ? versions.get(spec.name()) : deletedVersion(spec);
            // cas: 0 = create only; cas: N = only if nobody wrote since we read version N
            VaultCalls.during(
                    "writing secret/" + spec.name(),
                    () -> vault.write(spec.dataPath(), Map.of("options", Map.of("cas", version), "data", values)));
            written++;
        }
        return written;
    }

    /** A secret whose latest version was deleted reads as absent; its next write must name that version. */
    private int deletedVersion(SecretSpec spec) {
        VaultResponse metadata = VaultCalls.during(
                "reading secret/" + spec.name() + " metadata", () -> vault.read("secret/metadata/" + spec.name()));
        return metadata == null || metadata.getData() == null
                ? 0
                : ((Number) metadata.getData().get("current_version")).intValue();
    }

    private static Object firstValue(SecretField how, Map<String, String> shared) {
        return switch (how) {
            case SecretField.Fixed(String value) -> value;
            case SecretField.Flag(boolean initial) -> initial;
            case SecretField.Password(String group) ->
                group == null ? Passwords.generate() : shared.computeIfAbsent(group, g -> Passwords.generate());
        };
    }

    private Map<String, Object> writeForData(String stage, String path, Map<String, Object> body) {
        VaultResponse response = VaultCalls.during(stage, () -> vault.write(path, body));
        if (response == null || response.getData() == null) {
            throw new VaultSetupException("vault: " + stage + " failed: Vault returned no data");
        }
        return response.getData();
    }
}
