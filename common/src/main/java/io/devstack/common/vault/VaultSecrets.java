package io.devstack.common.vault;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.devstack.common.metrics.ApiMetrics;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;

/**
 * KV v2 reads through one 5-minute cache shared by the Vault example endpoints and every backend's credential
 * provider. A backend that rejects its credentials calls {@link #invalidate} so the next read sees the rotated
 * value. Failed reads are never cached; a miss reads through {@link VaultClient#readSecret}, which guards it.
 */
public final class VaultSecrets {

    public static final Duration TTL = Duration.ofMinutes(5);
    private static final String CACHE_NAME = "vault_secrets";

    private final VaultClient vault;
    private final ApiMetrics metrics;
    private final Cache<String, Map<String, Object>> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(1_000).build();

    public VaultSecrets(VaultClient vault, ApiMetrics metrics) {
        this.vault = vault;
        this.metrics = metrics;
    }

    /** The secret's fields (unmodifiable, JSON types kept), from the cache or from Vault. */
    public Map<String, Object> read(String name) {
        Map<String, Object> cached = cache.getIfPresent(name);
        if (cached != null) {
            metrics.recordCacheRequest(CACHE_NAME, "hit");
            return cached;
        }
        metrics.recordCacheRequest(CACHE_NAME, "miss");
        Map<String, Object> fresh = Collections.unmodifiableMap(vault.readSecret(name));
        cache.put(name, fresh);
        return fresh;
    }

    /** Forgets {@code name} so the next {@link #read} goes to Vault. */
    public void invalidate(String name) {
        cache.invalidate(name);
    }
}
