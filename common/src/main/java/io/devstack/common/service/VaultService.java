package io.devstack.common.service;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.Parameters;
import io.devstack.common.http.ResourceNotFoundException;
import io.devstack.common.vault.SecretMasking;
import io.devstack.common.vault.VaultClient;
import io.devstack.common.vault.VaultSecrets;
import java.util.Map;

/**
 * Behind {@code VaultEndpoints}: reads through the shared 5-minute secret cache, sensitive fields masked, other
 * values keep their JSON type. Absent → 404, denied by policy → 403, Vault down or sealed → 503.
 */
public final class VaultService {

    public static final String NOTE = "Sensitive values are masked";

    public record Secret(String service, Map<String, Object> data, String note) {}

    public record SecretKey(String service, String key, Object value, String note) {}

    private final VaultSecrets secrets;

    public VaultService(VaultSecrets secrets) {
        this.secrets = secrets;
    }

    @SuppressWarnings("unchecked")
    public ApiResponse secret(String serviceName) {
        Parameters.check().serviceName(serviceName).throwIfInvalid();
        Map<String, Object> data = secrets.read(serviceName);
        return ApiResponse.ok(new Secret(serviceName, (Map<String, Object>) SecretMasking.mask(data), NOTE));
    }

    public ApiResponse secretKey(String serviceName, String key) {
        Parameters.check().serviceName(serviceName).vaultKey(key).throwIfInvalid();
        Map<String, Object> data = secrets.read(serviceName);
        if (!data.containsKey(key)) {
            throw new ResourceNotFoundException("secret_key", VaultClient.KV_MOUNT + "/" + serviceName + "/" + key);
        }
        return ApiResponse.ok(new SecretKey(serviceName, key, SecretMasking.maskField(key, data.get(key)), NOTE));
    }
}
