package io.devstack.common.stack;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private StackFixture() {
    }

    public static NativeStack stack() {
        return NativeStack.shared();
    }

    /** The settings {@code module} would read from the environment the stack gives it. */
    public static ApiSettings settings(ApiModule module) {
        return ApiSettings.fromEnvironment(stack().apiEnvironment(module.moduleName()), module);
    }

    /** A Vault session with the root token. */
    public static VaultTemplate rootVault() {
        return new VaultTemplate(VaultEndpoint.from(stack().vaultAddress()),
                new TokenAuthentication(stack().rootToken()));
    }

    public static Map<String, Object> readSecret(String name) {
        Versioned<Map<String, Object>> secret = rootVault().opsForVersionedKeyValue("secret").get(name);
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
