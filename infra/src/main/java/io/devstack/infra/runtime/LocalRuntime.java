package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.AmqpLauncher;
import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.local.BackendLauncher;
import io.devstack.infra.local.MariaDbLauncher;
import io.devstack.infra.local.MongoLauncher;
import io.devstack.infra.local.PortCheck;
import io.devstack.infra.local.PostgresLauncher;
import io.devstack.infra.local.ProcessState;
import io.devstack.infra.local.ProcessSupervisor;
import io.devstack.infra.local.Readiness;
import io.devstack.infra.local.RedisClusterInitializer;
import io.devstack.infra.local.RedisLauncher;
import io.devstack.infra.local.SecretSource;
import io.devstack.infra.local.ServiceStartException;
import io.devstack.infra.local.StopSignal;
import io.devstack.infra.local.VaultLauncher;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.vault.VaultAdmin;
import io.devstack.infra.vault.VaultLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The stack without Docker: every service a supervised local process on 127.0.0.1 and its standard port.
 * Order: Vault (init, unseal, bootstrap) → the data services in parallel, then Redis cluster formation; the
 * reference APIs (profile {@code reference}, each its own JVM) start beside the data services and are ready once
 * every backend answers through them.
 * An {@code up} that fails stops what it started and names the service with its last log lines.
 */
public final class LocalRuntime implements StackRuntime {

    private static final String PROFILES_FILE = "profiles";

    private final DevstackHome home;
    private final ProcessSupervisor supervisor;
    private final VaultLauncher vault;
    private final Map<String, BackendLauncher> backends = new LinkedHashMap<>();

    public LocalRuntime(DevstackHome home) {
        this.home = home;
        this.supervisor = new ProcessSupervisor(home);
        this.vault = new VaultLauncher(supervisor);
        List.<BackendLauncher>of(
                        new PostgresLauncher(supervisor),
                        new MariaDbLauncher(supervisor),
                        new RedisLauncher(supervisor, 1),
                        new RedisLauncher(supervisor, 2),
                        new RedisLauncher(supervisor, 3),
                        new AmqpLauncher(supervisor),
                        new MongoLauncher(supervisor))
                .forEach(b -> backends.put(b.service(), b));
        ApiLauncher.MODULES.forEach(module -> backends.put(module, new ApiLauncher(supervisor, module)));
    }

    public DevstackHome home() {
        return home;
    }

    @Override
    public StackReport up(Set<Profile> profiles, Progress progress) {
        long started = System.nanoTime();
        List<StackService> selection = StackServices.select(profiles);
        List<BackendLauncher> selected =
                nativeBackends(selection.stream().map(StackService::name).toList());
        boolean firstStart = !Files.isDirectory(home.vaultDir()) || !Files.isDirectory(home.dataRoot());
        boolean allRunning = supervisor.alive(VaultLauncher.SERVICE)
                && selected.stream().allMatch(b -> supervisor.alive(b.service()));
        checkPorts(selected);
        // logs and state may hold host names, user names, keys: the owner's alone
        DevstackHome.privateDirectory(home.root());
        DevstackHome.privateDirectory(home.logsDir());
        rememberProfiles(profiles);

        List<String> startedHere = Collections.synchronizedList(new ArrayList<>());
        try {
            if (!supervisor.alive(VaultLauncher.SERVICE)) {
                startedHere.add(VaultLauncher.SERVICE);
            }
            SecretSource secrets = cached(vault.start(progress));
            List<BackendLauncher> apis =
                    selected.stream().filter(ApiLauncher.class::isInstance).toList();
            List<BackendLauncher> data =
                    selected.stream().filter(b -> !apis.contains(b)).toList();
            // The API JVMs boot while the backends start: an API needs only Vault to begin, and it is ready only
            // when its /health/all reports every backend healthy, so starting it early can never make it ready early.
            try (ExecutorService apiStarter = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> apiStart = apiStarter.submit(() -> startInParallel(apis, secrets, progress, startedHere));
                try {
                    startInParallel(data, secrets, progress, startedHere);
                    formRedisCluster(data, secrets, progress);
                } catch (RuntimeException e) {
                    apiStart.cancel(true);
                    throw e;
                }
                await(apiStart);
            }
        } catch (RuntimeException e) {
            if (!startedHere.isEmpty()) {
                progress.step("stopping what this up started: " + String.join(", ", startedHere));
                List<String> reverse = new ArrayList<>(startedHere);
                Collections.reverse(reverse);
                reverse.forEach(this::stopService);
            }
            throw failure(e);
        }
        StackReport.StartKind kind = allRunning
                ? StackReport.StartKind.ALREADY_RUNNING
                : firstStart ? StackReport.StartKind.FIRST_START : StackReport.StartKind.RESTART;
        return new StackReport(rows(selection, selected), Duration.ofNanos(System.nanoTime() - started), kind);
    }

    @Override
    public void down(boolean volumes, Progress progress) {
        List<String> running = stopOrder().stream()
                .filter(s -> supervisor.state(s).status() != ProcessState.Status.STOPPED)
                .toList();
        List<String> dataServices =
                running.stream().filter(s -> !s.equals(VaultLauncher.SERVICE)).toList();
        if (!dataServices.isEmpty()) {
            progress.step("stopping " + String.join(", ", dataServices));
        }
        List<String> failures = new ArrayList<>(runAll(dataServices, this::stopService));
        if (running.contains(VaultLauncher.SERVICE)) {
            progress.step("stopping vault");
            failures.addAll(runAll(List.of(VaultLauncher.SERVICE), this::stopService));
        }
        if (!failures.isEmpty()) {
            // nothing is wiped while a server may still write to its folder
            throw new StackException(
                    "down did not stop everything: " + String.join("; ", failures)
                            + "; stop it by hand (kill -9 <pid>), then run down again",
                    StackException.EXIT_FAILED);
        }
        if (volumes) {
            progress.step("wiping the stack's state (data, Vault keys, AppRole files, logs; binaries stay cached)");
            for (Path dir :
                    List.of(home.dataRoot(), home.vaultDir(), home.approleRoot(), home.runDir(), home.logsDir())) {
                deleteRecursively(dir);
            }
        }
    }

    @Override
    public List<ServiceStatus> status() {
        List<ServiceStatus> statuses = new ArrayList<>();
        List<String> expected = expectedServices();
        for (String service : startOrder()) {
            ProcessState state = supervisor.state(service);
            if (backends.get(service) instanceof ApiLauncher
                    && !expected.contains(service)
                    && state.status() == ProcessState.Status.STOPPED) {
                continue; // an API that was not asked for (no --profile reference) is not part of this stack
            }
            List<String> tail = state.status() == ProcessState.Status.CRASHED
                    ? supervisor.lastLogLines(service, Readiness.LOG_LINES)
                    : List.of();
            statuses.add(new ServiceStatus(service, address(service), state.label(), state.pid(), tail));
        }
        return statuses;
    }

    @Override
    public List<ServiceHealth> health() {
        List<ServiceHealth> results = new ArrayList<>();
        List<String> expected = expectedServices();
        results.add(check(VaultLauncher.SERVICE, VaultLauncher.ADDRESS.toString(), vault::probe));
        SecretSource secrets;
        try {
            secrets = cached(vault.lifecycle(Progress.SILENT).admin());
        } catch (RuntimeException e) {
            String reason = "Vault unavailable (" + Readiness.describe(e) + ")";
            expected.stream()
                    .filter(backends::containsKey)
                    .forEach(s -> results.add(new ServiceHealth(s, address(s), false, reason)));
            return results;
        }
        List<BackendLauncher> checked =
                expected.stream().map(backends::get).filter(Objects::nonNull).toList();
        for (BackendLauncher backend : checked) {
            results.add(
                    supervisor.alive(backend.service())
                            ? check(backend.service(), backend.address(), () -> backend.probe(secrets))
                            : new ServiceHealth(
                                    backend.service(),
                                    backend.address(),
                                    false,
                                    supervisor.state(backend.service()).label()));
        }
        List<RedisClusterInitializer.Node> nodes = redisNodes(checked, secrets);
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

    /** Forms (or verifies) the Redis cluster with the Vault password; the CLI's {@code redis-cluster-init}. */
    public RedisClusterInitializer.ClusterReport initRedisCluster(Progress progress) {
        SecretSource secrets = cached(vault.lifecycle(Progress.SILENT).admin());
        List<RedisClusterInitializer.Node> nodes = redisNodes(
                expectedServices().stream()
                        .map(backends::get)
                        .filter(Objects::nonNull)
                        .toList(),
                secrets);
        if (nodes.isEmpty()) {
            throw new StackException(
                    "no Redis node is part of the running stack — run ./devstack up first",
                    StackException.EXIT_NOT_RUNNING);
        }
        return RedisClusterInitializer.initialize(nodes, progress);
    }

    /** Stops one service (for backend-down tests and {@code down}); no-op when it is not running. */
    public void stopService(String service) {
        if (service.equals(VaultLauncher.SERVICE)) {
            supervisor.stop(service, StopSignal.TERM, Duration.ofSeconds(20));
            return;
        }
        BackendLauncher backend = launcher(service);
        supervisor.stop(service, backend.stopSignal(), backend.stopTimeout());
    }

    /** Starts one stopped backend again with the Vault credentials and waits until it is usable. */
    public void startService(String service, Progress progress) {
        // a ready Vault needs no second bootstrap (seconds of idempotent writes) before one backend starts
        boolean vaultReady = supervisor.alive(VaultLauncher.SERVICE)
                && !service.equals(VaultLauncher.SERVICE)
                && vault.lifecycle(Progress.SILENT).status().ready();
        SecretSource secrets =
                cached(vaultReady ? vault.lifecycle(Progress.SILENT).admin() : vault.start(progress));
        if (service.equals(VaultLauncher.SERVICE)) {
            return;
        }
        BackendLauncher backend = launcher(service);
        if (!supervisor.alive(service)) {
            backend.start(secrets, progress);
        }
        if (backend instanceof RedisLauncher) {
            formRedisCluster(
                    expectedServices().stream()
                            .map(backends::get)
                            .filter(Objects::nonNull)
                            .toList(),
                    secrets,
                    progress);
        }
    }

    public VaultLauncher vault() {
        return vault;
    }

    /** Vault's lifecycle for the {@code vault} commands, or a one-line failure when its process is not running. */
    public VaultLifecycle runningVault(Progress progress) {
        if (!supervisor.alive(VaultLauncher.SERVICE)) {
            throw new StackException(
                    "Vault is not running ("
                            + supervisor.state(VaultLauncher.SERVICE).label()
                            + ") — start the stack with ./devstack up",
                    StackException.EXIT_NOT_RUNNING);
        }
        return vault.lifecycle(progress);
    }

    public ProcessSupervisor supervisor() {
        return supervisor;
    }

    /** Every OS process id of the running stack, for measuring (RSS) and for tests that check none is left. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : startOrder()) {
            ProcessState state = supervisor.state(service);
            if (state.running()) {
                pids.put(service, state.pid());
            }
        }
        return pids;
    }

    /**
     * The launchers for these service names, in start order. The Redis cluster is one unit natively: any Redis
     * node selected (minimal has only redis-1) brings all three, so a cluster formed once always finds its peers.
     */
    private List<BackendLauncher> nativeBackends(List<String> names) {
        boolean anyRedis = names.stream().anyMatch(n -> backends.get(n) instanceof RedisLauncher);
        return backends.values().stream()
                .filter(b -> names.contains(b.service()) || (anyRedis && b instanceof RedisLauncher))
                .toList();
    }

    private void checkPorts(List<BackendLauncher> selected) {
        Map<String, List<Integer>> needed = new LinkedHashMap<>();
        if (!supervisor.alive(VaultLauncher.SERVICE)) {
            needed.put(VaultLauncher.SERVICE, vault.ports());
        }
        selected.stream().filter(b -> !supervisor.alive(b.service())).forEach(b -> needed.put(b.service(), b.ports()));
        List<PortCheck.Conflict> conflicts = PortCheck.conflicts(needed);
        if (!conflicts.isEmpty()) {
            String more = conflicts.size() == 1
                    ? ""
                    : " (also busy: "
                            + conflicts.stream()
                                    .skip(1)
                                    .map(c -> c.port() + " " + c.service())
                                    .collect(Collectors.joining(", "))
                            + ")";
            throw new StackException(conflicts.getFirst().message() + more, StackException.EXIT_PORT_IN_USE);
        }
    }

    private void startInParallel(
            List<BackendLauncher> selected, SecretSource secrets, Progress progress, List<String> startedHere) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (BackendLauncher backend : selected) {
                futures.add(pool.submit(() -> {
                    if (supervisor.alive(backend.service())) {
                        Readiness.await(
                                supervisor, backend.service(), Duration.ofSeconds(30), () -> backend.probe(secrets));
                    } else {
                        startedHere.add(backend.service());
                        backend.start(secrets, progress);
                        progress.step(backend.service() + ": ready");
                    }
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

    private void formRedisCluster(List<BackendLauncher> selected, SecretSource secrets, Progress progress) {
        List<RedisClusterInitializer.Node> nodes = redisNodes(selected, secrets);
        if (nodes.isEmpty()) {
            return;
        }
        try {
            RedisClusterInitializer.initialize(nodes, progress);
        } catch (RuntimeException e) {
            throw new ServiceStartException(
                    "redis-1",
                    "cluster formation failed: " + Readiness.describe(e),
                    supervisor.lastLogLines("redis-1", Readiness.LOG_LINES));
        }
    }

    private static List<RedisClusterInitializer.Node> redisNodes(List<BackendLauncher> selected, SecretSource secrets) {
        return selected.stream()
                .filter(b -> b instanceof RedisLauncher)
                .map(b -> (RedisLauncher) b)
                .map(r ->
                        new RedisClusterInitializer.Node(r.service(), r.port(), secrets.field(r.service(), "password")))
                .toList();
    }

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
                        s.name(), VaultLauncher.ADDRESS.toString(), "healthy", vault.credentialsHint()));
            } else if (backends.containsKey(s.name())) {
                BackendLauncher b = backends.get(s.name());
                String status = b instanceof RedisLauncher ? "healthy (cluster ok)" : "healthy";
                rows.add(new StackReport.Row(s.name(), b.address(), status, b.credentialsHint()));
            } else {
                rows.add(new StackReport.Row(s.name(), "-", "compose only", "-"));
            }
        }
        return rows;
    }

    private RuntimeException failure(RuntimeException e) {
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

    private BackendLauncher launcher(String service) {
        BackendLauncher backend = backends.get(service);
        if (backend == null) {
            throw new StackException(
                    "'" + service + "' is not a service of the native runtime; choose from "
                            + String.join(", ", startOrder()),
                    StackException.EXIT_FAILED);
        }
        return backend;
    }

    private String address(String service) {
        return service.equals(VaultLauncher.SERVICE)
                ? VaultLauncher.ADDRESS.toString()
                : launcher(service).address();
    }

    private List<String> startOrder() {
        List<String> order = new ArrayList<>();
        order.add(VaultLauncher.SERVICE);
        order.addAll(backends.keySet());
        return order;
    }

    private List<String> stopOrder() {
        List<String> order = startOrder();
        Collections.reverse(order);
        return order;
    }

    /** The profiles the last {@code up} was given (empty: the default selection). */
    public Set<Profile> lastProfiles() {
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        Path file = home.runDir().resolve(PROFILES_FILE);
        try {
            if (Files.exists(file)) {
                for (String id : Files.readString(file).strip().split(",")) {
                    if (!id.isBlank()) {
                        profiles.add(Profile.parse(id));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // fall back to the default selection
        }
        return profiles;
    }

    /** The services the last {@code up} selected (so {@code health} does not call a minimal stack's absent MySQL). */
    private List<String> expectedServices() {
        List<String> names = StackServices.select(lastProfiles()).stream()
                .map(StackService::name)
                .toList();
        List<String> expected = new ArrayList<>();
        if (names.contains(VaultLauncher.SERVICE)) {
            expected.add(VaultLauncher.SERVICE);
        }
        nativeBackends(names).forEach(b -> expected.add(b.service()));
        return expected;
    }

    private void rememberProfiles(Set<Profile> profiles) {
        DevstackHome.privateDirectory(home.runDir());
        try {
            Files.writeString(
                    home.runDir().resolve(PROFILES_FILE),
                    profiles.stream().map(Profile::id).collect(Collectors.joining(",")) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SecretSource cached(VaultAdmin admin) {
        Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();
        return name -> cache.computeIfAbsent(name, admin::readSecret);
    }

    private static ServiceHealth check(String service, String address, Callable<String> probe) {
        try {
            return new ServiceHealth(service, address, true, probe.call());
        } catch (Exception e) {
            return new ServiceHealth(service, address, false, Readiness.describe(e));
        }
    }

    /** Runs {@code action} for every service in parallel; returns what failed, one message per service. */
    private static List<String> runAll(List<String> services, Consumer<String> action) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(s -> pool.submit(() -> {
                try {
                    action.accept(s);
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }));
        }
        return List.copyOf(failures);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir + ": " + e.getMessage(), e);
        }
    }
}
