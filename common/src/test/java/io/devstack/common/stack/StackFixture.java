package io.devstack.common.stack;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.service.ImplementationInfo;
import io.devstack.testsupport.NativeStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.Versioned;

/**
 * The real native stack as common's integration tests use it: API settings exactly as an API module would get
 * them, and an administrator's Vault session (root token) for what an API may not do itself (rotating a
 * password, revoking a token).
 */
public final class StackFixture {

    private StackFixture() {}

    public static NativeStack stack() {
        return NativeStack.shared();
    }

    /** The settings {@code module} would read from the environment the stack gives it. */
    public static ApiSettings settings(ApiModule module) {
        return ApiSettings.fromEnvironment(stack().apiEnvironment(module.moduleName()), module);
    }

    /**
     * The services {@code module} builds at startup, once their startup probe is done: on this shared two-core
     * machine a cold first call (Vault login, class loading, first connections) can take longer than the 2 s
     * backend deadline, which is what the warm-up exists for.
     */
    public static ApiServices startServices(ApiModule module) {
        ApiServices services = ApiServices.start(settings(module), ImplementationInfo.of(module, "test"));
        try {
            services.warmUp().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            services.close();
            throw new IllegalStateException("The backends' startup probe did not finish", e);
        }
        return services;
    }

    /** A Vault session with the root token. */
    public static VaultTemplate rootVault() {
        return new VaultTemplate(
                VaultEndpoint.from(stack().vaultAddress()), new TokenAuthentication(stack().rootToken()));
    }

    public static Map<String, Object> readSecret(String name) {
        Versioned<Map<String, Object>> secret =
                rootVault().opsForVersionedKeyValue("secret").get(name);
        return new LinkedHashMap<>(secret.getRequiredData());
    }

    public static void writeSecret(String name, Map<String, Object> data) {
        rootVault().opsForVersionedKeyValue("secret").put(name, data);
    }

    /** Revokes a token by its accessor, as an operator would: the token's holder does not hear about it. */
    public static void revokeToken(String accessor) {
        rootVault().write("auth/token/revoke-accessor", Map.of("accessor", accessor));
    }
}
