package io.devstack.infra.vault;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.VaultLayout;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.vault.core.VaultSysOperations;
import org.springframework.vault.support.VaultHealth;
import org.springframework.vault.support.VaultInitializationRequest;
import org.springframework.vault.support.VaultInitializationResponse;

/**
 * The whole Vault lifecycle of {@code up}: initialise once, unseal whenever sealed, bootstrap the
 * {@link VaultLayout}, keep every client's AppRole files valid. Safe to run on every start.
 */
public final class VaultLifecycle {

    public static final int KEY_SHARES = 5;
    public static final int KEY_THRESHOLD = 3;

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private final URI address;
    private final DevstackHome home;
    private final Progress progress;
    private final VaultLayout layout;
    private final VaultSysOperations sys;

    public VaultLifecycle(URI address, DevstackHome home, Progress progress) {
        this(address, home, progress, VaultLayout.standard());
    }

    public VaultLifecycle(URI address, DevstackHome home, Progress progress, VaultLayout layout) {
        this.address = address;
        this.home = home;
        this.progress = progress;
        this.layout = layout;
        this.sys = VaultCalls.anonymous(address).opsForSys();
    }

    /** Initialises, unseals and bootstraps as needed; returns root-token access to the ready Vault. */
    public VaultAdmin ensureReady() {
        VaultAdmin admin = ensureSecretsReady();
        ensureClientsReady(admin);
        return admin;
    }

    /**
     * Initialises and unseals as needed and makes sure the engines and every secret exist: what the data services
     * need to start. {@link #ensureClientsReady} is the rest of the bootstrap.
     */
    public VaultAdmin ensureSecretsReady() {
        if (!status().initialized()) {
            initialise();
        }
        unseal();
        VaultAdmin admin = admin();
        new VaultBootstrap(admin.operations(), address, layout, progress).ensureSecrets();
        return admin;
    }

    /** Every client's policy, PKI role and AppRole, and its AppRole files: what the reference APIs need to log in. */
    public void ensureClientsReady(VaultAdmin admin) {
        new VaultBootstrap(admin.operations(), address, layout, progress).grantClients();
        AppRoleFiles files = new AppRoleFiles(admin.operations(), home);
        long issued = VaultCalls.inParallel(layout.clients(), files::ensure).stream()
                .filter(Boolean::booleanValue)
                .count();
        progress.step("vault: bootstrap complete: " + layout.clients().size() + " AppRoles"
                + (issued > 0 ? " (" + issued + " new secret-ids in " + home.approleRoot() + ")" : ""));
    }

    /** Root-token access when Vault is known to be ready (reads the saved init keys). */
    public VaultAdmin admin() {
        return new VaultAdmin(address, initFile(), keys().rootToken(), layout);
    }

    /** Initialised, sealed, version: works without a token, even before init. */
    public VaultServerState status() {
        return status(sys, address);
    }

    static VaultServerState status(VaultSysOperations sys, URI address) {
        VaultHealth health = VaultCalls.during("reaching Vault at " + address, sys::health);
        return new VaultServerState(health.isInitialized(), health.isSealed(), health.isStandby(), health.getVersion());
    }

    /** Unseals with the saved key shares when sealed, then waits until Vault serves requests. */
    public void unseal() {
        VaultServerState status = status();
        if (!status.initialized()) {
            throw new VaultSetupException("vault: cannot unseal, Vault at " + address + " is not initialised yet");
        }
        if (status.sealed()) {
            List<String> keys = keys().keys();
            boolean sealed = true;
            for (int i = 0; i < keys.size() && sealed; i++) {
                String key = keys.get(i);
                sealed = VaultCalls.during("unsealing", () -> sys.unseal(key)).isSealed();
            }
            if (sealed) {
                throw new VaultSetupException("vault: unsealing failed: the keys in " + initFile()
                        + " do not open this Vault; restore the right file or run `devstack down --volumes`");
            }
            progress.step("vault: unsealed");
        }
        awaitActive();
    }

    private void initialise() {
        Path file = initFile();
        VaultInitializationResponse response = VaultCalls.during(
                "initialising", () -> sys.initialize(VaultInitializationRequest.create(KEY_SHARES, KEY_THRESHOLD)));
        // written before anything else can fail: without these keys the data can never be opened again
        new InitKeys(response.getKeys(), response.getRootToken().getToken()).write(file);
        progress.step("vault: initialised (" + KEY_SHARES + " shares, threshold " + KEY_THRESHOLD + "), keys saved to "
                + file);
    }

    /** Right after unsealing, a Raft node is a standby until it elects itself; writes fail until then. */
    private void awaitActive() {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (status().standby()) {
            if (System.nanoTime() > deadline) {
                throw new VaultSetupException("vault: still standby " + ACTIVE_TIMEOUT.toSeconds()
                        + " s after unsealing; check " + home.logFile("vault"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VaultSetupException("vault: interrupted while waiting for Vault to become active");
            }
        }
    }

    private InitKeys keys() {
        Path file = initFile();
        if (!InitKeys.exists(file)) {
            throw new VaultSetupException("vault: Vault is initialised but its keys file " + file + " is missing; "
                    + "restore it, or run `devstack down --volumes` to start Vault afresh (all secrets are lost)");
        }
        return InitKeys.read(file);
    }

    private Path initFile() {
        return InitKeys.file(home);
    }

    /** The clients whose AppRole files {@link #ensureReady()} maintains. */
    public List<AppRoleSpec> clients() {
        return layout.clients();
    }
}
