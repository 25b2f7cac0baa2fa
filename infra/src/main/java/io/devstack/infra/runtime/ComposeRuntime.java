package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.compose.ComposeCli;
import io.devstack.infra.compose.ComposeProject;
import io.devstack.infra.compose.VaultMetricsToken;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import io.devstack.infra.vault.VaultAdmin;
import io.devstack.infra.vault.VaultLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stack in Docker: generates the compose project into {@code <DEVSTACK_HOME>/compose}, starts Vault, runs the
 * same {@link VaultLifecycle} as the native runtime over http://127.0.0.1:8200 (init, unseal, bootstrap, AppRole
 * files), then starts the rest, creates the Redis cluster and waits until every container's health check passes.
 * Its Vault keys, AppRole files and project live under {@code <DEVSTACK_HOME>/docker/} ({@link #stateHome}): the
 * containers' Vault is another Vault than the native one, and its keys must never overwrite the native keys.
 */
public final class ComposeRuntime implements StackRuntime {

    public static final URI VAULT = URI.create("http://127.0.0.1:8200");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final String ACTIVE_MARKER = "compose-active";

    private final DevstackHome home;
    private final DevstackHome state;
    private final Path sourceRoot;

    public ComposeRuntime(DevstackHome home, Path sourceRoot) {
        this.home = home;
        this.state = stateHome(home);
        this.sourceRoot = sourceRoot;
    }

    /** Where the Docker stack keeps its Vault keys, AppRole files, metrics token and compose project. */
    public static DevstackHome stateHome(DevstackHome home) {
        return new DevstackHome(home.root().resolve("docker"));
    }

    public Path projectDir() {
        return state.root().resolve("compose");
    }

    /** Whether the last {@code up} in this home used Docker (status/health/logs/down then ask Docker). */
    public static boolean isActive(DevstackHome home) {
        return Files.exists(home.runDir().resolve(ACTIVE_MARKER));
    }

    @Override
    public StackReport up(Set<Profile> profiles, Progress progress) {
        long started = System.nanoTime();
        ComposeCli cli = ComposeCli.forProject(projectDir());
        Set<Profile> chosen = profiles.isEmpty() ? EnumSet.of(Profile.DEFAULT) : EnumSet.copyOf(profiles);
        List<String> ids = chosen.stream().map(Profile::id).toList();
        List<StackService> services = new ComposeProject(state, sourceRoot).write(chosen, projectDir());
        progress.step("compose: project written to " + projectDir() + " (" + services.size() + " services)");
        markActive(ids);

        boolean firstStart = !Files.exists(state.vaultDir());
        if (cli.docker("inspect", "dev-vault").exit() != 0 && httpAnswers(VAULT + "/v1/sys/health")) {
            throw new StackException(
                    "port 8200 already answers as Vault (the native stack?): stop it with "
                            + "`devstack down` before `devstack up --runtime docker`",
                    StackException.EXIT_PORT_IN_USE);
        }
        progress.step("vault: starting container dev-vault");
        cli.compose(ids, "up", "-d", "vault");
        awaitVaultAnswers(cli);
        VaultAdmin admin = new VaultLifecycle(VAULT, state, progress).ensureReady();
        if (services.stream().anyMatch(s -> s.name().equals("prometheus"))) {
            new VaultMetricsToken(VAULT, admin.rootToken()).write(state.root().resolve("compose-secrets/prometheus"));
        }

        progress.step(
                "compose: starting " + (services.size() - 1) + " services (images are pulled/built on first use)");
        cli.compose(ids, "up", "-d", "--build");
        List<StackReport.Row> rows = new ArrayList<>();
        for (StackService service : services) {
            awaitReady(cli, service, progress);
            rows.add(new StackReport.Row(service.name(), address(service), "healthy", credentials(service)));
        }
        if (services.containsAll(StackServices.redisNodes())) {
            createRedisCluster(cli, progress);
        }
        return new StackReport(
                rows,
                Duration.ofNanos(System.nanoTime() - started),
                firstStart ? StackReport.StartKind.FIRST_START : StackReport.StartKind.RESTART);
    }

    @Override
    public void down(boolean volumes, Progress progress) {
        ComposeCli cli = ComposeCli.forProject(projectDir());
        List<String> ids = activeProfiles();
        progress.step("compose: stopping the stack" + (volumes ? " and removing its volumes" : ""));
        if (volumes) {
            cli.compose(ids, "down", "--volumes");
            deleteVaultState();
        } else {
            cli.compose(ids, "down");
        }
        try {
            Files.deleteIfExists(home.runDir().resolve(ACTIVE_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ServiceStatus> status() {
        ComposeCli cli = ComposeCli.forProject(projectDir());
        List<ServiceStatus> statuses = new ArrayList<>();
        for (StackService service : selected()) {
            ContainerSpec spec = StackContainers.of(service);
            ComposeCli.Result state =
                    cli.docker("inspect", "--format", "{{.State.Status}} {{.State.Pid}}", spec.containerName());
            if (state.exit() != 0) {
                statuses.add(new ServiceStatus(service.name(), address(service), "stopped", -1, List.of()));
                continue;
            }
            String[] parts = state.output().strip().split(" ");
            boolean crashed = parts[0].equals("exited") || parts[0].equals("restarting") || parts[0].equals("dead");
            List<String> tail = crashed
                    ? cli.docker("logs", "--tail", "15", spec.containerName()).lastLines(15)
                    : List.of();
            statuses.add(new ServiceStatus(
                    service.name(),
                    address(service),
                    crashed ? "crashed" : parts[0].equals("running") ? "running" : parts[0],
                    parts.length > 1 ? Long.parseLong(parts[1]) : -1,
                    tail));
        }
        return statuses;
    }

    @Override
    public List<ServiceHealth> health() {
        ComposeCli cli = ComposeCli.forProject(projectDir());
        List<ServiceHealth> results = new ArrayList<>();
        for (StackService service : selected()) {
            String state = healthState(cli, service);
            results.add(new ServiceHealth(
                    service.name(),
                    address(service),
                    state.equals("healthy"),
                    state.equals("healthy")
                            ? "health check passed (authenticated where the service has credentials)"
                            : "container health: " + state));
        }
        return results;
    }

    /** The last {@code lines} of a container's log ({@code docker logs}). */
    public List<String> logs(String service, int lines) {
        ComposeCli cli = ComposeCli.forProject(projectDir());
        ComposeCli.Result result = cli.docker(
                "logs",
                "--tail",
                Integer.toString(lines),
                StackContainers.of(StackServices.require(service)).containerName());
        if (result.exit() != 0) {
            throw new StackException(
                    "no container for '" + service + "': " + result.output().strip()
                            + " — check the name (devstack status)",
                    StackException.EXIT_NOT_RUNNING);
        }
        return result.output().lines().toList();
    }

    /**
     * "healthy", "unhealthy", "starting", "running" (no check), or "stopped". Loki and Promtail have no shell: probed
     * from here.
     */
    private String healthState(ComposeCli cli, StackService service) {
        ContainerSpec spec = StackContainers.of(service);
        if (spec.health() == null) {
            if (service.hostPorts().isEmpty()) {
                ComposeCli.Result running =
                        cli.docker("inspect", "--format", "{{.State.Running}}", spec.containerName());
                return running.output().strip().equals("true") ? "healthy" : "stopped";
            }
            return httpOk("http://127.0.0.1:" + service.mainPort() + "/ready") ? "healthy" : "starting";
        }
        ComposeCli.Result result = cli.docker("inspect", "--format", "{{.State.Health.Status}}", spec.containerName());
        return result.exit() == 0 ? result.output().strip() : "stopped";
    }

    private void awaitReady(ComposeCli cli, StackService service, Progress progress) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String state = healthState(cli, service);
        while (!state.equals("healthy")) {
            if (System.nanoTime() > deadline || state.equals("stopped")) {
                String container = StackContainers.of(service).containerName();
                throw new StackException(
                        service.name() + " did not become healthy within " + READY_TIMEOUT.toMinutes()
                                + " min (last state: " + state + "); its last log lines are below (devstack logs "
                                + service.name() + ")",
                        StackException.EXIT_FAILED,
                        cli.docker("logs", "--tail", "20", container).lastLines(20),
                        null);
            }
            sleep(2000);
            state = healthState(cli, service);
        }
        progress.step(service.name() + ": healthy");
    }

    private void awaitVaultAnswers(ComposeCli cli) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!httpAnswers(VAULT + "/v1/sys/health")) {
            if (System.nanoTime() > deadline) {
                throw new StackException(
                        "vault: the container did not answer on " + VAULT + " within 60 s; its last "
                                + "log lines are below",
                        StackException.EXIT_FAILED,
                        cli.docker("logs", "--tail", "20", "dev-vault").lastLines(20),
                        null);
            }
            sleep(500);
        }
    }

    /**
     * Assigns the slots over the three nodes once (idempotent): run inside dev-redis-1 with its own Vault password,
     * addressing the nodes by their static IPs so the cluster bus stays on the data network.
     */
    private void createRedisCluster(ComposeCli cli, Progress progress) {
        String auth = ". /tmp/devstack-health.env && redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ";
        ComposeCli.Result info = cli.docker("exec", "dev-redis-1", "sh", "-c", auth + "-p 6379 cluster info");
        if (info.output().contains("cluster_state:ok")) {
            progress.step("redis: cluster already formed");
            return;
        }
        List<String> nodes = StackServices.redisNodes().stream()
                .map(n -> StackContainers.of(n).ip() + ":" + n.mainPort())
                .toList();
        ComposeCli.Result created = cli.docker(
                "exec",
                "dev-redis-1",
                "sh",
                "-c",
                auth + "--cluster create " + String.join(" ", nodes) + " --cluster-yes");
        if (created.exit() != 0) {
            throw new StackException(
                    "redis: creating the cluster failed; the lines below come from redis-cli",
                    StackException.EXIT_FAILED,
                    created.lastLines(15),
                    null);
        }
        progress.step("redis: cluster formed (3 masters, 16384 slots)");
    }

    private List<StackService> selected() {
        return StackServices.select(
                activeProfiles().stream().map(Profile::parse).toList());
    }

    private List<String> activeProfiles() {
        Path marker = home.runDir().resolve(ACTIVE_MARKER);
        try {
            return Files.exists(marker)
                    ? Files.readAllLines(marker).stream()
                            .filter(l -> !l.isBlank())
                            .toList()
                    : List.of(Profile.DEFAULT.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void markActive(Collection<String> profiles) {
        DevstackHome.writePrivateFile(home.runDir().resolve(ACTIVE_MARKER), String.join("\n", profiles) + "\n");
    }

    private void deleteVaultState() {
        for (Path dir :
                List.of(state.vaultDir(), state.approleRoot(), state.root().resolve("compose-secrets"))) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (NoSuchFileException e) {
                // nothing to wipe
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String address(StackService service) {
        return service.hostPorts().isEmpty() ? "-" : "127.0.0.1:" + service.mainPort();
    }

    private static String credentials(StackService service) {
        return VaultLayout.standard()
                .secret(service.name())
                .map(s -> "devstack vault show-password " + s.name())
                .orElse("-");
    }

    private static boolean httpAnswers(String url) {
        return status(url) > 0;
    }

    private static boolean httpOk(String url) {
        return status(url) == 200;
    }

    private static int status(String url) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the stack", StackException.EXIT_FAILED);
        }
    }
}
