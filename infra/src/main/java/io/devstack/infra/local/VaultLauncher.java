package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.vault.OpenBaoBinary;
import io.devstack.infra.vault.OpenBaoConfig;
import io.devstack.infra.vault.VaultAdmin;
import io.devstack.infra.vault.VaultLifecycle;
import io.devstack.infra.vault.VaultServerState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * OpenBao (the stack's Vault) as a local process: finds or installs {@code bao}, writes its config, starts it,
 * then runs the whole Vault lifecycle (init, unseal, bootstrap, AppRole files) through {@link VaultLifecycle}.
 */
public final class VaultLauncher {

    public static final String SERVICE = "vault";
    public static final int PORT = 8200;
    public static final URI ADDRESS = URI.create("http://127.0.0.1:" + PORT);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;

    public VaultLauncher(ProcessSupervisor supervisor) {
        this.supervisor = supervisor;
        this.home = supervisor.home();
    }

    public String service() {
        return SERVICE;
    }

    /** The API port and, right after it, the cluster port Raft storage needs. */
    public List<Integer> ports() {
        return List.of(PORT, PORT + 1);
    }

    public String credentialsHint() {
        return "./devstack vault token (root token)";
    }

    public VaultLifecycle lifecycle(Progress progress) {
        return new VaultLifecycle(ADDRESS, home, progress);
    }

    /** Starts the server unless it runs already, and returns an admin client once Vault is ready for use. */
    public VaultAdmin start(Progress progress) {
        VaultAdmin admin = startWithSecrets(progress);
        grantClients(admin, progress);
        return admin;
    }

    /**
     * Starts the server unless it runs already, and returns an admin client once every secret exists: enough for
     * the data services to start. {@link #grantClients} does the rest.
     */
    public VaultAdmin startWithSecrets(Progress progress) {
        VaultLifecycle lifecycle = lifecycle(progress);
        if (!supervisor.alive(SERVICE)) {
            Path bao = OpenBaoBinary.locate(home, progress);
            Path config = OpenBaoConfig.write(home, PORT);
            progress.step("vault: starting OpenBao on " + ADDRESS);
            supervisor.start(
                    SERVICE,
                    List.of(bao.toString(), "server", "-config=" + config),
                    Map.of("BAO_LOG_LEVEL", "warn"),
                    home.dataDir(SERVICE));
        }
        Readiness.await(supervisor, SERVICE, READY_TIMEOUT, lifecycle::status);
        try {
            return lifecycle.ensureSecretsReady();
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** Every client's policy, PKI role, AppRole and AppRole files: what the reference APIs need to log in. */
    public void grantClients(VaultAdmin admin, Progress progress) {
        try {
            lifecycle(progress).ensureClientsReady(admin);
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    private ServiceStartException failed(RuntimeException e) {
        return new ServiceStartException(
                SERVICE, Readiness.describe(e), supervisor.lastLogLines(SERVICE, Readiness.LOG_LINES));
    }

    /** Initialised, unsealed and active, according to {@code sys/health}. */
    public String probe() {
        VaultServerState status = lifecycle(Progress.SILENT).status();
        if (!status.ready()) {
            throw new IllegalStateException(
                    status.initialized()
                            ? (status.sealed() ? "sealed; run ./devstack vault unseal" : "standby")
                            : "not initialised; run ./devstack up");
        }
        return "OpenBao " + status.version() + ", unsealed";
    }
}
