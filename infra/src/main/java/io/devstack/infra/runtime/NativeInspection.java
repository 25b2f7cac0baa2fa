package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.BackendLauncher;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.Readiness;
import io.devstack.infra.local.RedisClusterInitializer;
import io.devstack.infra.local.SecretSource;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What {@code status} and {@code health} report for the native stack, over the services the last {@code up}
 * selected: status looks at the processes (and what the supervisor did to them), health makes one real
 * authenticated call per service.
 */
final class NativeInspection {

    private final DevstackHome home;
    private final NativeServices services;
    private final LastProfiles lastProfiles;

    NativeInspection(DevstackHome home, NativeServices services, LastProfiles lastProfiles) {
        this.home = home;
        this.services = services;
        this.lastProfiles = lastProfiles;
    }

    List<ServiceStatus> status() {
        Map<String, SupervisionState> supervision = SupervisionState.read(home);
        List<ServiceStatus> statuses = new ArrayList<>();
        List<String> selected = services.selectedBy(lastProfiles.read());
        for (String service : services.startOrder()) {
            ProcessState state = services.state(service);
            if (services.isApi(service)
                    && !selected.contains(service)
                    && state.status() == ProcessState.Status.STOPPED) {
                continue; // an API that was not asked for (no --profile reference) is not part of this stack
            }
            List<String> tail =
                    state.status() == ProcessState.Status.CRASHED ? services.lastLogLines(service) : List.of();
            SupervisionState supervised = supervision.getOrDefault(service, SupervisionState.NONE);
            String label = state.status() == ProcessState.Status.CRASHED && supervised.gaveUp()
                    ? ServiceStatus.GAVE_UP
                    : state.label();
            statuses.add(new ServiceStatus(
                    service, services.address(service), label, state.pid(), supervised.restarts(), tail));
        }
        return statuses;
    }

    List<ServiceHealth> health() {
        List<ServiceHealth> results = new ArrayList<>();
        Set<Profile> profiles = lastProfiles.read();
        VaultLauncher vault = services.vault();
        results.add(check(VaultLauncher.SERVICE, VaultLauncher.ADDRESS.toString(), vault::probe));
        SecretSource secrets;
        try {
            secrets = CachedSecrets.of(vault.lifecycle(Progress.SILENT).admin());
        } catch (RuntimeException e) {
            String reason = "Vault unavailable (" + Readiness.describe(e) + ")";
            services.selectedBy(profiles).stream()
                    .filter(services::isBackend)
                    .forEach(s -> results.add(new ServiceHealth(s, services.address(s), false, reason)));
            return results;
        }
        List<BackendLauncher> checked = services.launchersSelectedBy(profiles);
        for (BackendLauncher backend : checked) {
            results.add(
                    services.isRunning(backend.service())
                            ? check(backend.service(), backend.address(), () -> backend.probe(secrets))
                            : new ServiceHealth(
                                    backend.service(),
                                    backend.address(),
                                    false,
                                    services.state(backend.service()).label()));
        }
        List<RedisClusterInitializer.Node> nodes = RedisClusterFormation.nodes(checked, secrets);
        if (!nodes.isEmpty()) {
            results.add(check(
                    "redis-cluster",
                    nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(",")),
                    () -> {
                        RedisClusterInitializer.ClusterReport report = RedisClusterInitializer.verify(nodes);
                        if (report.coveredSlots() != RedisClusterInitializer.SLOTS) {
                            throw new IllegalStateException(report.coveredSlots() + " of 16384 slots covered");
                        }
                        return "cluster_state:ok, " + report.nodes() + " masters, 16384 slots";
                    }));
        }
        return results;
    }

    private static ServiceHealth check(String service, String address, Callable<String> probe) {
        try {
            return new ServiceHealth(service, address, true, probe.call());
        } catch (Exception e) {
            return new ServiceHealth(service, address, false, Readiness.describe(e));
        }
    }
}
