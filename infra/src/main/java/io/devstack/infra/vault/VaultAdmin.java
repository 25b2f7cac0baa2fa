package io.devstack.infra.vault;

import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.SecretField;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.CertificateBundle;
import org.springframework.vault.support.VaultCertificateRequest;
import org.springframework.vault.support.VaultResponse;

/**
 * Root-token access to a ready Vault, for the CLI and the backend launchers (which read the credentials
 * they configure their servers with). Services never get this: they log in with their own AppRole.
 */
public final class VaultAdmin {

    private final URI address;
    private final Path initFile;
    private final String rootToken;
    private final VaultLayout layout;
    private final VaultOperations vault;

    VaultAdmin(URI address, Path initFile, String rootToken, VaultLayout layout) {
        this.address = address;
        this.initFile = initFile;
        this.rootToken = rootToken;
        this.layout = layout;
        this.vault = VaultCalls.withToken(address, rootToken);
    }

    /** The KV v2 data of {@code secret/<name>}, every value as a string (booleans as "true"/"false"). */
    public Map<String, String> readSecret(String name) {
        VaultResponse response = VaultCalls.during("reading secret/" + name, () -> vault.read(dataPath(name)));
        if (response == null
                || response.getData() == null
                || !(response.getData().get("data") instanceof Map<?, ?> data)) {
            throw new VaultSetupException("vault: no secret at secret/" + name);
        }
        Map<String, String> values = new LinkedHashMap<>();
        data.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        return values;
    }

    /**
     * Replaces {@code secret/<name>} with {@code data}: for a deliberate rotation only, since bootstrap never
     * overwrites. Fields the layout declares as flags ({@code tls_enabled}) are stored as JSON booleans.
     */
    public void writeSecret(String name, Map<String, String> data) {
        Map<String, Object> typed = new LinkedHashMap<>();
        SecretSpec spec = layout.secret(name).orElse(null);
        data.forEach((field, value) -> typed.put(field, typed(spec, field, value)));
        VaultCalls.during("writing secret/" + name, () -> vault.write(dataPath(name), Map.of("data", typed)));
    }

    /**
     * Issues a server certificate for {@code client} from its own {@code pki_int} role: CN the client name,
     * SANs {@code localhost} and {@code 127.0.0.1}, valid one year. For launchers that turn TLS on.
     */
    public ServerCertificate issueCertificate(String client) {
        AppRoleSpec appRole = layout.client(client)
                .orElseThrow(() -> new IllegalArgumentException("No Vault client named " + client));
        CertificateBundle bundle = VaultCalls.during(
                "issuing a certificate for " + client,
                () -> vault.opsForPki("pki_int")
                        .issueCertificate(
                                appRole.pkiRoleName(),
                                VaultCertificateRequest.builder()
                                        .commonName(client)
                                        .withAltName("localhost")
                                        .withIpSubjectAltName("127.0.0.1")
                                        // PEM files servers read directly; PKCS#8 so Java servers can read the key too
                                        .format("pem")
                                        .privateKeyFormat("pkcs8")
                                        .build())
                        .getRequiredData());
        List<String> chain = bundle.getCaChain() == null || bundle.getCaChain().isEmpty()
                ? List.of(bundle.getIssuingCaCertificate())
                : bundle.getCaChain();
        return new ServerCertificate(bundle.getCertificate(), bundle.getPrivateKey(), chain);
    }

    public String rootToken() {
        return rootToken;
    }

    public VaultServerState status() {
        return VaultLifecycle.status(vault.opsForSys(), address);
    }

    public Path initFile() {
        return initFile;
    }

    public URI address() {
        return address;
    }

    VaultOperations operations() {
        return vault;
    }

    private static Object typed(SecretSpec spec, String field, String value) {
        if (spec != null && spec.fields().get(field) instanceof SecretField.Flag) {
            if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(spec.name() + "." + field + " must be true or false");
            }
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    private static String dataPath(String name) {
        return "secret/data/" + name;
    }

    @Override
    public String toString() {
        return "VaultAdmin[" + address + ", root token ***]";
    }
}
