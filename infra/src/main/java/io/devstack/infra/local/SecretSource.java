package io.devstack.infra.local;

import java.util.Map;

/** Reads one KV secret ({@code secret/<name>}) from Vault; the launchers configure their servers from it. */
@FunctionalInterface
public interface SecretSource {

    Map<String, String> read(String name);

    /** The field, or a one-line failure naming the secret (never its value) when Vault lacks it. */
    default String field(String name, String field) {
        String value = read(name).get(field);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("Vault secret '" + name + "' has no '" + field
                    + "' field; run ./devstack up again to bootstrap Vault");
        }
        return value;
    }
}
