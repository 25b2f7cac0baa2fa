package io.devstack.infra.runtime;

import io.devstack.infra.local.SecretSource;
import io.devstack.infra.vault.VaultAdmin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Vault's secrets read once per command: the launchers and probes of one {@code up} or {@code health} share them. */
final class CachedSecrets {

    private CachedSecrets() {}

    static SecretSource of(VaultAdmin admin) {
        Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();
        return name -> cache.computeIfAbsent(name, admin::readSecret);
    }
}
