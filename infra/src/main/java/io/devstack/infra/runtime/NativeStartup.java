package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.local.BackendLauncher;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.Readiness;
import io.devstack.infra.local.RedisLauncher;
import io.devstack.infra.local.SecretSource;
import io.devstack.infra.local.ServiceStartException;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.vault.VaultAdmin;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starting the native stack. Order: Vault (init, unseal, secrets) → the data services in parallel, the Redis cluster
 * formed as soon as its nodes are up, Vault's policies and AppRoles written beside them; the reference APIs (profile
 * {@code reference}, each its own JVM) start once their AppRoles are written, beside the data services, and are
 * ready once every backend answers through them. An {@code up} that fails stops what it started and names the
 * service with its last log lines.
 */
final class NativeStartup {

    private final DevstackHome home;
    private final NativeServices services;
    private final RedisClusterFormation redisCluster;
    private final LastProfiles lastProfiles;

    NativeStartup(
            DevstackHome home, NativeServices services, RedisClusterFormation redisCluster, LastProfiles lastProfiles) {
        this.home = home;
        this.services = services;
        this.redisCluster = redisCluster;
        this.lastProfiles = lastProfiles;
    }

    StackReport up(Set<Profile> profiles, Progress progress) {
        long started = System.nanoTime();
        List<StackService> selection = StackServices.select(profiles);
        List<BackendLauncher> selected =
                services.launchersFor(selection.stream().map(StackService::name).toList());
        boolean firstStart = !Files.isDirectory(home.vaultDir()) || !Files.isDirectory(home.dataRoot());
        boolean allRunning = services.isRunning(VaultLauncher.SERVICE)
                && selected.stream().allMatch(b -> services.isRunning(b.service()));
        PortPreflight.requireFree(services, selected);
        // logs and state may hold host names, user names, keys: the owner's alone
        DevstackHome.privateDirectory(home.root());
        DevstackHome.privateDirectory(home.logsDir());
        lastProfiles.remember(profiles);

        List<String> startedHere = Collections.synchronizedList(new ArrayList<>());
        try {
            if (!services.isRunning(VaultLauncher.SERVICE)) {
                startedHere.add(VaultLauncher.SERVICE);
            }
            VaultAdmin admin = services.locked(
                    VaultLauncher.SERVICE, () -> services.vault().startWithSecrets(progress));
            SecretSource secrets = CachedSecrets.of(admin);
            List<BackendLauncher> apis =
                    selected.stream().filter(ApiLauncher.class::isInstance).toList();
            List<BackendLauncher> redisNodes =
                    selected.stream().filter(RedisLauncher.class::isInstance).toList();
            List<BackendLauncher> otherData = selected.stream()
                    .filter(b -> !apis.contains(b) && !redisNodes.contains(b))
                    .toList();
            // Vault's policies and AppRoles are written while the data services start: these need only their
            // secrets. The API JVMs boot as soon as their AppRoles are there: an API is ready only when its
            // /health/all reports every backend healthy, so starting it early can never make it ready early.
            // The Redis cluster settles while the slower services start: a restarted master reports
            // cluster_state:ok only 2 s after its start.
            try (ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> clients = beside.submit(() -> services.locked(
                        VaultLauncher.SERVICE, () -> services.vault().grantClients(admin, progress)));
                Future<?> apiStart = beside.submit(() -> {
                    await(clients);
                    startInParallel(apis, secrets, progress, startedHere);
                });
                Future<?> redisStart = beside.submit(() -> {
                    startInParallel(redisNodes, secrets, progress, startedHere);
                    redisCluster.formDuringStart(redisNodes, secrets, progress);
                });
                try {
                    startInParallel(otherData, secrets, progress, startedHere);
                    await(redisStart);
                    await(clients);
                } catch (RuntimeException e) {
                    redisStart.cancel(true);
                    apiStart.cancel(true);
                    clients.cancel(true);
                    throw e;
                }
                await(apiStart);
            }
            services.supervisorProcess().ensureRunning(progress);
        } catch (RuntimeException e) {
            if (!startedHere.isEmpty()) {
                progress.step("stopping what this up started: " + String.join(", ", startedHere));
                List<String> reverse = new ArrayList<>(startedHere);
                Collections.reverse(reverse);
                reverse.forEach(services::stop);
            }
            throw failure(e);
        }
        StackReport.StartKind kind = allRunning
                ? StackReport.StartKind.ALREADY_RUNNING
                : firstStart ? StackReport.StartKind.FIRST_START : StackReport.StartKind.RESTART;
        return new StackReport(rows(selection, selected), Duration.ofNanos(System.nanoTime() - started), kind);
    }

    /**
     * Starts one stopped service again with the Vault credentials and waits until it is usable; holding its
     * {@link io.devstack.infra.local.ServiceLock} ({@code restart}, backups, the supervisor).
     */
    void startOne(String service, Progress progress) {
        BackendLauncher backend = service.equals(VaultLauncher.SERVICE) ? null : services.launcher(service);
        services.locked(service, () -> {
            // a ready Vault needs no second bootstrap (seconds of idempotent writes) before one backend starts
            boolean vaultReady = services.isRunning(VaultLauncher.SERVICE)
                    && backend != null
                    && services.vault().lifecycle(Progress.SILENT).status().ready();
            SecretSource secrets = CachedSecrets.of(
                    vaultReady ? services.vault().lifecycle(Progress.SILENT).admin() : startVault(progress));
            if (backend == null) {
                return;
            }
            if (!services.isRunning(service)) {
                backend.start(secrets, progress);
            }
            if (backend instanceof RedisLauncher) {
                redisCluster.formDuringStart(services.launchersSelectedBy(lastProfiles.read()), secrets, progress);
            }
        });
    }

    /** {@link #startOne} if {@code service} is still crashed once its lock is had; false: someone acted first. */
    boolean restartCrashed(String service, Progress progress) {
        return services.locked(service, () -> {
            if (services.state(service).status() != ProcessState.Status.CRASHED) {
                return false;
            }
            startOne(service, progress);
            return true;
        });
    }

    private VaultAdmin startVault(Progress progress) {
        return services.locked(VaultLauncher.SERVICE, () -> services.vault().start(progress));
    }

    private void startInParallel(
            List<BackendLauncher> selected, SecretSource secrets, Progress progress, List<String> startedHere) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (BackendLauncher backend : selected) {
                futures.add(pool.submit(() -> {
                    services.locked(backend.service(), () -> {
                        if (services.isRunning(backend.service())) {
                            services.awaitReady(
                                    backend.service(), Duration.ofSeconds(30), () -> backend.probe(secrets));
                        } else {
                            startedHere.add(backend.service());
                            backend.start(secrets, progress);
                            progress.step(backend.service() + ": ready");
                        }
                    });
                    return null;
                }));
            }
            RuntimeException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("interrupted while starting the stack", StackException.EXIT_FAILED);
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting the stack", StackException.EXIT_FAILED);
        }
    }

    /** The summary table: every service selected or started, in the model's order. */
    private List<StackReport.Row> rows(List<StackService> selection, List<BackendLauncher> started) {
        List<StackReport.Row> rows = new ArrayList<>();
        List<String> names =
                new ArrayList<>(selection.stream().map(StackService::name).toList());
        started.stream()
                .map(BackendLauncher::service)
                .filter(n -> !names.contains(n))
                .forEach(names::add);
        List<StackService> shown =
                StackServices.ALL.stream().filter(s -> names.contains(s.name())).toList();
        for (StackService s : shown) {
            if (s.name().equals(VaultLauncher.SERVICE)) {
                rows.add(new StackReport.Row(
                        s.name(),
                        VaultLauncher.ADDRESS.toString(),
                        "healthy",
                        services.vault().credentialsHint()));
            } else if (services.isBackend(s.name())) {
                BackendLauncher b = services.launcher(s.name());
                String status = b instanceof RedisLauncher ? "healthy (cluster ok)" : "healthy";
                rows.add(new StackReport.Row(s.name(), b.address(), status, b.credentialsHint()));
            } else {
                rows.add(new StackReport.Row(s.name(), "-", "compose only", "-"));
            }
        }
        return rows;
    }

    private static RuntimeException failure(RuntimeException e) {
        if (e instanceof StackException stack) {
            return stack;
        }
        if (e instanceof ServiceStartException start) {
            return new StackException(
                    start.getMessage() + " — see ./devstack logs " + start.service()
                            + " (everything this up started was stopped)",
                    StackException.EXIT_FAILED,
                    start.logTail(),
                    e);
        }
        return new StackException(
                "up failed: " + Readiness.describe(e)
                        + " — everything this up started was stopped; rerun with --verbose for details",
                StackException.EXIT_FAILED,
                List.of(),
                e);
    }
}
