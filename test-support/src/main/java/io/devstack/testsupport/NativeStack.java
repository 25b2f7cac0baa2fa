package io.devstack.testsupport;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.ApiEnvironment;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.SharedStack;
import io.devstack.infra.vault.VaultAdmin;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one test fixture for the native stack: once per JVM, uses the stack already healthy at
 * {@code $DEVSTACK_HOME} (default {@code ~/.devstack}) or starts it detached ({@link SharedStack}: marked so
 * {@code ./devstack test} stops it after the suite), and tells tests where everything is.
 */
public final class NativeStack {

    private static NativeStack shared;

    private final LocalRuntime runtime;
    private final VaultAdmin admin;

    private NativeStack(LocalRuntime runtime) {
        this.runtime = runtime;
        this.admin = runtime.vault().lifecycle(Progress.SILENT).admin();
    }

    /** The stack for this JVM, started (and waited for) on first use. */
    public static synchronized NativeStack shared() {
        if (shared == null) {
            shared = new NativeStack(SharedStack.ensureRunning(DevstackHome.fromEnvironment(),
                    message -> System.err.println("[NativeStack] " + message)));
        }
        return shared;
    }

    public URI vaultAddress() {
        return VaultLauncher.ADDRESS;
    }

    /** Where {@code vaultClient}'s role-id and secret-id files are (e.g. "api-spring"). */
    public Path approleDir(String vaultClient) {
        return runtime.home().approleDir(vaultClient);
    }

    public String rootToken() {
        return admin.rootToken();
    }

    /** The KV secret {@code secret/<name>} as Vault holds it now. */
    public Map<String, String> secret(String name) {
        return admin.readSecret(name);
    }

    /** Exactly the environment docs/api-contract.md gives an API module, pointing at this stack. */
    public Map<String, String> apiEnvironment(String module) {
        return ApiEnvironment.forModule(runtime.home(), module);
    }

    /** Stops one backend (e.g. "postgres", "redis-2") for a backend-down test; {@link #startService} undoes it. */
    public void stopService(String service) {
        runtime.stopService(service);
    }

    /** Starts a stopped backend again and waits until it answers with its Vault credentials. */
    public void startService(String service) {
        runtime.startService(service, message -> System.err.println("[NativeStack] " + message));
    }
}
