package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.DiskSpace;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.RedisClusterInitializer;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.model.Profile;
import io.devstack.infra.vault.VaultLifecycle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack without Docker: every service a supervised local process on 127.0.0.1 and its standard port. The work
 * is done by one class per responsibility: {@link NativeStartup} ({@code up}, single-service starts),
 * {@link NativeShutdown} ({@code down}), {@link NativeSupervisor} (restarts after a crash, log rotation),
 * {@link NativeInspection} ({@code status}, {@code health}), {@link PortPreflight},
 * {@link RedisClusterFormation} and {@link LastProfiles}, over the launchers of {@link NativeServices}.
 */
public final class LocalRuntime implements StackRuntime {

    private final DevstackHome home;
    private final NativeServices services;
    private final LastProfiles lastProfiles;
    private final RedisClusterFormation redisCluster;
    private final NativeStartup startup;

    public LocalRuntime(DevstackHome home) {
        this.home = home;
        this.services = new NativeServices(home);
        this.lastProfiles = new LastProfiles(home);
        this.redisCluster = new RedisClusterFormation(services);
        this.startup = new NativeStartup(home, services, redisCluster, lastProfiles);
    }

    public DevstackHome home() {
        return home;
    }

    @Override
    public StackReport up(Set<Profile> profiles, Progress progress) {
        DiskSpace.fullDisk(home).ifPresent(message -> {
            throw new StackException(message, 1);
        });
        return startup.up(profiles, progress);
    }

    @Override
    public void down(boolean volumes, Progress progress) {
        new NativeShutdown(home, services).down(volumes, progress);
    }

    @Override
    public List<ServiceStatus> status() {
        return new NativeInspection(home, services, lastProfiles).status();
    }

    @Override
    public List<ServiceHealth> health() {
        return new NativeInspection(home, services, lastProfiles).health();
    }

    /** Forms (or verifies) the Redis cluster with the Vault password; the CLI's {@code redis-cluster-init}. */
    public RedisClusterInitializer.ClusterReport initRedisCluster(Progress progress) {
        return redisCluster.formOnDemand(
                services.launchersSelectedBy(lastProfiles.read()),
                CachedSecrets.of(services.vault().lifecycle(Progress.SILENT).admin()),
                progress);
    }

    /** The supervisor's process: running (with its pid) while it restarts crashed services and rotates logs. */
    public ProcessState supervisorState() {
        return services.supervisorProcess().state();
    }

    /** The supervision loop over this runtime's services, for {@link NativeSupervisor#main}. */
    NativeSupervisor supervisor() {
        return new NativeSupervisor(home, services, RestartPolicy.DEFAULT);
    }

    /** Stops one service (for backend-down tests and {@code down}); no-op when it is not running. */
    public void stopService(String service) {
        services.stop(service);
    }

    /** Starts one stopped service again with the Vault credentials and waits until it is usable. */
    public void startService(String service, Progress progress) {
        startup.startOne(service, progress);
    }

    /** Starts {@code service} if it is crashed (pid file, no process) when its lock is had; false: it was not. */
    boolean restartCrashed(String service, Progress progress) {
        return startup.restartCrashed(service, progress);
    }

    /** Whether the process of {@code service} (e.g. {@code vault}, {@code redis-2}) is running. */
    public boolean isRunning(String service) {
        return services.isRunning(service);
    }

    /** Vault's lifecycle for the {@code vault} commands, or a one-line failure when its process is not running. */
    public VaultLifecycle runningVault(Progress progress) {
        if (!services.isRunning(VaultLauncher.SERVICE)) {
            throw new StackException(
                    "Vault is not running ("
                            + services.state(VaultLauncher.SERVICE).label()
                            + ") — start the stack with ./devstack up",
                    StackException.EXIT_NOT_RUNNING);
        }
        return services.vault().lifecycle(progress);
    }

    /** Every OS process id of the running stack, for measuring (RSS) and for tests that check none is left. */
    public Map<String, Long> pids() {
        return services.pids();
    }

    /** The profiles the last {@code up} was given (empty: the default selection). */
    public Set<Profile> lastProfiles() {
        return lastProfiles.read();
    }
}
