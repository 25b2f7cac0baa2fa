package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.StackService;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reference API ({@code api-spring} … {@code api-javalin}) as its own JVM: {@code java -jar} on the module's
 * runnable jar with only the environment of docs/api-contract.md, so it logs in to Vault with its own AppRole like any
 * client.
 * Ready means {@code /health/all} reports every backend healthy, not merely an open port.
 */
public final class ApiLauncher implements BackendLauncher {

    /** The same JVM options for all five, so the side-by-side stays fair ({@link ApiJvmOptions}). */
    public static final List<String> JVM_OPTIONS = ApiJvmOptions.list();
    /** Spring Boot took 31 s to report healthy on a 2-core machine under full load; leave room for that. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;
    private final String module;
    private final int httpPort;
    private final int httpsPort;

    /** {@code api} is one of {@link io.devstack.infra.model.StackServices#apis()}: its name and ports. */
    public ApiLauncher(ProcessSupervisor supervisor, StackService api) {
        this.supervisor = supervisor;
        this.home = supervisor.home();
        this.module = api.name();
        this.httpPort = api.mainPort();
        this.httpsPort = api.httpsPort();
    }

    @Override
    public String service() {
        return module;
    }

    @Override
    public List<Integer> ports() {
        return List.of(httpPort);
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String credentialsHint() {
        return "own AppRole: " + home.approleDir(module);
    }

    @Override
    public void start(SecretSource secrets, Progress progress) {
        Path jar = jar(repositoryRoot(), module);
        Map<String, String> env = new LinkedHashMap<>(ApiEnvironment.forModule(home, module));
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("HTTPS_PORT", Integer.toString(httpsPort));
        // names the home on the command line: how the supervisor tells its own process from a reused pid
        String homeOption = "-Ddevstack.home=" + home.root();
        List<String> command = commandWithAotCache(jar, env, httpPort, home.logsDir(), progress, homeOption);
        progress.step(module + ": starting " + jar.getFileName() + " on " + address());
        supervisor.start(module, command, env, home.dataDir(module));
        Readiness.await(supervisor, module, READY_TIMEOUT, () -> probe(secrets));
    }

    /** {@code GET /health/all} past the API's 30 s cache: every backend must be healthy through this API. */
    @Override
    public String probe(SecretSource secrets) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address() + "/health/all"))
                .header("Cache-Control", "no-cache")
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().startsWith("{\"status\":\"healthy\"")) {
            throw new IOException("/health/all answered " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(120, response.body().length())));
        }
        return "/health/all healthy";
    }

    /**
     * The command line that runs the API in {@code jar} as {@code devstack up}, the test fixtures and the benchmarks
     * all run it: its {@link AotCache} trained first when the jar is newer (against the running stack, with
     * {@code env} and {@code httpPort}; log {@code <logDir>/<module>-aot-training.log}), then {@link #javaCommand}.
     */
    public static List<String> commandWithAotCache(
            Path jar, Map<String, String> env, int httpPort, Path logDir, Progress progress, String... extraOptions) {
        AotCache.of(jar).ensure(javaCommand(jar, extraOptions), env, httpPort, logDir, progress);
        return javaCommand(jar, extraOptions);
    }

    /**
     * {@code java <options> [-XX:AOTCache=…] -jar <jar>} with the JDK running this code: one command line for
     * {@code devstack up}, the test fixtures and the benchmarks, so every API is always measured and tested as it
     * is run. The API's {@link AotCache} is used when a current one exists ({@link AotCache#ensure} trains it).
     */
    public static List<String> javaCommand(Path jar, String... extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(AotCache.of(jar).jvmOptions());
        command.addAll(List.of(extraOptions));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** The module's runnable jar in the checkout at {@code repo}: {@code <repo>/<module>/target/<module>.jar}. */
    public static Path jar(Path repo, String module) {
        Path jar = repo.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new ServiceStartException(
                    module,
                    "its jar " + jar + " is not built — run " + "'mvn -B -DskipTests package' in " + repo
                            + " (./devstack up --profile reference builds it for you)",
                    List.of());
        }
        return jar;
    }

    /**
     * The checkout this code runs from: {@code DEVSTACK_REPO}, else found from where the infra classes were loaded
     * ({@code <repo>/infra/target/...}).
     */
    public static Path repositoryRoot() {
        String configured = System.getenv("DEVSTACK_REPO");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path infraClasses = Path.of(ApiLauncher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // <repo>/infra/target/classes or <repo>/infra/target/devstack-infra-<version>.jar
            return infraClasses.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
