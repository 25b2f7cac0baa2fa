package io.devstack.infra.vault;

import io.devstack.infra.model.SecretField;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.VaultResponse;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        if (response == null || response.getData() == null || !(response.getData().get("data") instanceof Map<?, ?> data)) {
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

    public String rootToken() { return rootToken; }

    public VaultStatus status() { return VaultLifecycle.status(address); }

    public Path initFile() { return initFile; }

    public URI address() { return address; }

    VaultOperations operations() { return vault; }

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
