package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.local.AmqpLauncher;
import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.local.BackendLauncher;
import io.devstack.infra.local.MariaDbLauncher;
import io.devstack.infra.local.MongoLauncher;
import io.devstack.infra.local.PostgresLauncher;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.ProcessSupervisor;
import io.devstack.infra.local.Readiness;
import io.devstack.infra.local.RedisLauncher;
import io.devstack.infra.local.ServiceLock;
import io.devstack.infra.local.StopSignal;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The services the native runtime runs, in start order: Vault, then one launcher per data service and per reference
 * API (names and ports from {@link StackServices}), all under one {@link ProcessSupervisor}.
 */
final class NativeServices {

    private final ProcessSupervisor supervisor;
    private final SupervisorProcess supervisorProcess;
    private final VaultLauncher vault;
    private final Map<String, BackendLauncher> backends = new LinkedHashMap<>();

    NativeServices(DevstackHome home) {
        this.supervisor = new ProcessSupervisor(home);
        this.supervisorProcess = new SupervisorProcess(home, supervisor);
        this.vault = new VaultLauncher(supervisor);
        List<BackendLauncher> launchers = new ArrayList<>();
        launchers.add(new PostgresLauncher(supervisor));
        launchers.add(new MariaDbLauncher(supervisor));
        StackServices.redisNodes().forEach(node -> launchers.add(new RedisLauncher(supervisor, node)));
        launchers.add(new AmqpLauncher(supervisor));
        launchers.add(new MongoLauncher(supervisor));
        StackServices.apis().forEach(api -> launchers.add(new ApiLauncher(supervisor, api)));
        launchers.forEach(b -> backends.put(b.service(), b));
    }

    VaultLauncher vault() {
        return vault;
    }

    /** The process that restarts crashed services and rotates logs ({@link NativeSupervisor}). */
    SupervisorProcess supervisorProcess() {
        return supervisorProcess;
    }

    /**
     * Runs a deliberate start or stop of {@code service} holding its {@link ServiceLock}, so the supervisor neither
     * takes it for a crash nor starts it at the same time.
     */
    <T> T locked(String service, Supplier<T> work) {
        return ServiceLock.holding(supervisor.home(), service, work);
    }

    void locked(String service, Runnable work) {
        ServiceLock.holding(supervisor.home(), service, work);
    }

    boolean isRunning(String service) {
        return supervisor.alive(service);
    }

    ProcessState state(String service) {
        return supervisor.state(service);
    }

    /** Waits until {@code probe} passes on the running {@code service}, or fails with its last log lines. */
    void awaitReady(String service, Duration timeout, Callable<?> probe) {
        Readiness.await(supervisor, service, timeout, probe);
    }

    List<String> lastLogLines(String service) {
        return supervisor.lastLogLines(service, Readiness.LOG_LINES);
    }

    /** A data service or reference API (not Vault, not a compose-only service). */
    boolean isBackend(String service) {
        return backends.containsKey(service);
    }

    boolean isApi(String service) {
        return backends.get(service) instanceof ApiLauncher;
    }

    /** The launcher of a data service or API, or a one-line failure naming the services there are. */
    BackendLauncher launcher(String service) {
        BackendLauncher backend = backends.get(service);
        if (backend == null) {
            throw new StackException(
                    "'" + service + "' is not a service of the native runtime; choose from "
                            + String.join(", ", startOrder()),
                    StackException.EXIT_FAILED);
        }
        return backend;
    }

    String address(String service) {
        return service.equals(VaultLauncher.SERVICE)
                ? VaultLauncher.ADDRESS.toString()
                : launcher(service).address();
    }

    List<String> startOrder() {
        List<String> order = new ArrayList<>();
        order.add(VaultLauncher.SERVICE);
        order.addAll(backends.keySet());
        return order;
    }

    List<String> stopOrder() {
        List<String> order = startOrder();
        Collections.reverse(order);
        return order;
    }

    /**
     * The launchers for these service names, in start order. The Redis cluster is one unit natively: any Redis
     * node selected (minimal has only redis-1) brings all three, so a cluster formed once always finds its peers.
     */
    List<BackendLauncher> launchersFor(List<String> names) {
        boolean anyRedis = names.stream().anyMatch(n -> backends.get(n) instanceof RedisLauncher);
        return backends.values().stream()
                .filter(b -> names.contains(b.service()) || (anyRedis && b instanceof RedisLauncher))
                .toList();
    }

    /** The native services these profiles select, Vault first (so a minimal stack's absent MySQL is not called). */
    List<String> selectedBy(Set<Profile> profiles) {
        List<String> names =
                StackServices.select(profiles).stream().map(StackService::name).toList();
        List<String> selected = new ArrayList<>();
        if (names.contains(VaultLauncher.SERVICE)) {
            selected.add(VaultLauncher.SERVICE);
        }
        launchersFor(names).forEach(b -> selected.add(b.service()));
        return selected;
    }

    /** The launchers of {@link #selectedBy}: every selected service but Vault. */
    List<BackendLauncher> launchersSelectedBy(Set<Profile> profiles) {
        return selectedBy(profiles).stream()
                .map(backends::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /** Stops one service (no-op when it is not running) with its launcher's signal and patience. */
    void stop(String service) {
        if (service.equals(VaultLauncher.SERVICE)) {
            locked(service, () -> supervisor.stop(service, StopSignal.TERM, Duration.ofSeconds(20)));
            return;
        }
        BackendLauncher backend = launcher(service);
        locked(service, () -> supervisor.stop(service, backend.stopSignal(), backend.stopTimeout()));
    }

    /** Every OS process id of the running stack, in start order, the supervisor's last. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(startOrder());
        all.add(SupervisorProcess.NAME);
        for (String service : all) {
            ProcessState state = supervisor.state(service);
            if (state.running()) {
                pids.put(service, state.pid());
            }
        }
        return pids;
    }
}
