package io.devstack.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.container.ComposeNetwork;
import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.InitWrapper;
import io.devstack.infra.container.Mount;
import io.devstack.infra.container.ShellArguments;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated project for every profile alone and combined: the Compose Specification's JSON schema accepts it
 * ({@code docker-compose config -q} too, when installed), and our
 * own checks catch what that tool misses (networks, static IPs, depends_on across profiles, mounted files,
 * health-check tooling per image, restart values, Loki schema, dashboard metric names).
 */
class ComposeProjectTest {

    private static final Set<String> RESTART_VALUES = Set.of("no", "always", "on-failure", "unless-stopped");
    /** What the APIs expose (common's ApiMetrics) plus the JVM/process meters they bind. */
    static final Set<String> API_METRICS = Set.of(
            "http_server_requests_seconds",
            "devstack_backend_calls_seconds",
            "devstack_circuit_breaker_state",
            "devstack_cache_requests_total");

    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\{");

    @TempDir
    Path tmp;

    static Stream<List<Profile>> selections() {
        List<List<Profile>> all = new ArrayList<>();
        Profile[] profiles = Profile.values();
        for (int mask = 1; mask < 1 << profiles.length; mask++) {
            List<Profile> chosen = new ArrayList<>();
            for (int i = 0; i < profiles.length; i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(profiles[i]);
                }
            }
            all.add(chosen);
        }
        return all.stream(); // 15 selections: each profile alone and every combination
    }

    @ParameterizedTest
    @MethodSource("selections")
    void generatedProjectIsValid(List<Profile> profiles) throws Exception {
        Path dir = tmp.resolve("project");
        for (String api : StackServices.apiNames()) {
            Files.createDirectories(tmp.resolve("src").resolve(api)); // compose checks that build contexts exist
        }
        List<StackService> selected =
                new ComposeProject(new DevstackHome(tmp.resolve("home")), tmp.resolve("src")).write(profiles, dir);
        composeConfigAccepts(dir, profiles);

        JsonNode compose = new YAMLMapper()
                .readTree(dir.resolve(ComposeProject.COMPOSE_FILE).toFile());
        assertThat(compose.has("name"))
                .as("top-level name: (compose v1 rejects it)")
                .isFalse();
        assertThat(compose.has("version")).isFalse();
        Set<String> names = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactlyInAnyOrderElementsOf(
                        selected.stream().map(StackService::name).toList());

        Map<String, String> subnets = new HashMap<>();
        compose.path("networks")
                .fields()
                .forEachRemaining(n -> subnets.put(
                        n.getKey(),
                        n.getValue()
                                .path("ipam")
                                .path("config")
                                .get(0)
                                .path("subnet")
                                .asText()));
        Set<String> ips = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String service = entry.getKey();
            JsonNode s = entry.getValue();
            assertThat(s.path("container_name").asText()).isEqualTo("dev-" + service);
            assertThat(s.has("platform")).as("no platform pin").isFalse();
            assertThat(RESTART_VALUES)
                    .as(service + " restart")
                    .contains(s.path("restart").asText());
            s.path("networks").fields().forEachRemaining(n -> {
                assertThat(subnets)
                        .as(service + " joins undefined network " + n.getKey())
                        .containsKey(n.getKey());
                String ip = n.getValue().path("ipv4_address").asText(null);
                if (ip != null) {
                    ComposeNetwork network = ComposeNetwork.valueOf(n.getKey().toUpperCase());
                    assertThat(network.contains(ip))
                            .as(service + " " + ip + " in " + network.subnet())
                            .isTrue();
                    assertThat(ips.add(ip)).as("duplicate IP " + ip).isTrue();
                }
            });
            s.path("depends_on")
                    .fieldNames()
                    .forEachRemaining(dep -> assertThat(names)
                            .as(service + " depends on " + dep + " outside " + profiles)
                            .contains(dep));
            for (JsonNode volume : s.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(dir.resolve(source.substring(2)))
                            .as(service + " mounts " + source)
                            .exists();
                } else if (!source.startsWith("/")) {
                    assertThat(compose.path("volumes").has(source))
                            .as("named volume " + source)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void composeSchemaRefusesWhatTheSpecificationForbids() {
        assertThat(ComposeSchema.violations("services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n"))
                .isEmpty();
        assertThat(ComposeSchema.violations("services:\n  web:\n    imagee: nginx\n"))
                .as("unknown service key")
                .isNotEmpty();
        assertThat(ComposeSchema.violations("services:\n  web:\n    image: nginx\n    depends_on: 5\n"))
                .as("depends_on must be a list or a map")
                .isNotEmpty();
        assertThat(ComposeSchema.violations("networks:\n  data:\n    ipam:\n      config: [{subnett: 10.0.0.0/24}]\n"))
                .as("unknown ipam key")
                .isNotEmpty();
    }

    @Test
    void everyVaultClientReadsVaultThroughAWrapperOnTheVaultNetwork() {
        for (ContainerSpec spec : StackContainers.of(StackServices.ALL)) {
            if (spec.init() != null) {
                assertThat(spec.networks()).as(spec.service()).contains(ComposeNetwork.VAULT);
                assertThat(spec.mounts())
                        .as(spec.service())
                        .contains(Mount.state("approle/" + spec.service(), StackContainers.APPROLE_MOUNT));
                assertThat(ImageTooling.ships(spec.image(), spec.init().http().executable()))
                        .as(spec.service() + " wrapper needs "
                                + spec.init().http().executable())
                        .isTrue();
            }
        }
        assertThat(StackContainers.of("prometheus").networks())
                .contains(ComposeNetwork.VAULT, ComposeNetwork.APP, ComposeNetwork.OBSERVABILITY);
    }

    @Test
    void everyHealthCheckOnlyUsesToolsItsImageShips() {
        for (ContainerSpec spec : StackContainers.of(StackServices.ALL)) {
            if (spec.health() == null) {
                assertThat(spec.service())
                        .as("only shell-less images go without a container check")
                        .isIn("loki", "promtail");
                continue;
            }
            for (String tool : spec.health().tools()) {
                assertThat(ImageTooling.ships(spec.image(), tool))
                        .as(spec.service() + " (" + spec.image() + ") health check needs " + tool)
                        .isTrue();
            }
            for (String program : programsRun(spec.health().shellCommand())) {
                assertThat(ImageTooling.ships(spec.image(), program))
                        .as(spec.service() + " (" + spec.image() + ") health check runs " + program)
                        .isTrue();
            }
        }
    }

    @Test
    void wrappersRunTheirImageEntrypointAndNeverAssumeJq() {
        for (ContainerSpec spec : StackContainers.of(StackServices.ALL)) {
            InitWrapper init = spec.init();
            if (init != null) {
                String script = ComposeProject.initWrapper(init);
                assertThat(script)
                        .doesNotContain("jq ")
                        .contains("exec " + init.entrypoint().getFirst());
                if (!spec.service()
                        .startsWith("redis-exporter")) { // the exporter's image has no CMD, only flags via env
                    assertThat(spec.command())
                            .as(spec.service() + " keeps its command: entrypoint override clears CMD")
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void lokiConfigUsesTsdbWithSchemaV13() throws IOException {
        JsonNode loki = new YAMLMapper().readTree(ComposeProject.resource("files/loki/loki.yaml"));
        JsonNode schema = loki.path("schema_config").path("configs").get(0);
        assertThat(schema.path("schema").asText()).isEqualTo("v13");
        assertThat(schema.path("store").asText()).isEqualTo("tsdb");
    }

    @Test
    void prometheusScrapesVaultWithATokenFileAndTheApisExportersCadvisorVector() throws IOException {
        JsonNode prometheus = new YAMLMapper().readTree(ComposeProject.resource("files/prometheus/prometheus.yml"));
        Map<String, JsonNode> jobs = new HashMap<>();
        prometheus
                .path("scrape_configs")
                .forEach(j -> jobs.put(j.path("job_name").asText(), j));
        assertThat(jobs).containsKeys("vault", "devstack-apis", "redis", "cadvisor", "vector");
        assertThat(jobs.get("vault").path("metrics_path").asText()).isEqualTo("/v1/sys/metrics");
        assertThat(jobs.get("vault")
                        .path("authorization")
                        .path("credentials_file")
                        .asText())
                .startsWith("/etc/prometheus/secrets/");
        assertThat(jobs.get("devstack-apis").toString())
                .contains(
                        "api-spring:8000",
                        "api-micronaut:8001",
                        "api-helidon:8002",
                        "api-vertx:8003",
                        "api-javalin:8004");
    }

    @Test
    void dashboardsAreJsonAndNameOnlyKnownMetrics() throws IOException {
        for (String file : ComposeProject.CONFIG_FILES) {
            if (file.startsWith("grafana/dashboards/")) {
                JsonNode dashboard = new ObjectMapper().readTree(ComposeProject.resource("files/" + file));
                assertThat(dashboard.path("uid").asText()).isNotBlank();
                for (String metric : metricNames(dashboard)) {
                    assertThat(API_METRICS.stream().anyMatch(metric::startsWith)
                                    || metric.startsWith("jvm_")
                                    || metric.startsWith("process_"))
                            .as(file + " names " + metric)
                            .isTrue();
                }
            }
        }
        assertThat(metricNames(
                        new ObjectMapper().readTree(ComposeProject.resource("files/grafana/dashboards/api.json"))))
                .anyMatch(m -> m.startsWith("http_server_requests_seconds"))
                .anyMatch(m -> m.startsWith("devstack_backend_calls_seconds"))
                .contains("devstack_circuit_breaker_state", "devstack_cache_requests_total");
    }

    /** The program each pipeline segment of a shell command starts (leading VAR=value assignments skipped). */
    static Set<String> programsRun(String command) {
        return ShellArguments.programs(command);
    }

    @Test
    void programsRunAreFoundInPipelines() {
        assertThat(programsRun(". /tmp/x.env && PGPASSWORD=\"$P\" psql -h h -c 'SELECT 1' | grep -q 1"))
                .containsExactlyInAnyOrder("psql", "grep");
        assertThat(programsRun("bash -c 'exec 3<>/dev/tcp/127.0.0.1/8000 && printf x >&3 && grep -q y <&3'"))
                .containsExactlyInAnyOrder("bash", "grep");
    }

    /** Metric names used in a dashboard's Prometheus queries (a name directly followed by a label selector). */
    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new HashSet<>();
        dashboard.findValues("expr").forEach(expr -> {
            Matcher m = METRIC.matcher(expr.asText());
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        dashboard.findValues("query").forEach(q -> {
            Matcher m = METRIC.matcher(q.asText());
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        names.remove("label_values");
        return names;
    }

    /**
     * The Compose Specification's JSON schema accepts the project (always, in Java); {@code docker-compose config -q}
     * accepts it too when that tool is installed ({@code .ci/run} installs Debian's), else the test says it did not
     * run.
     */
    static void composeConfigAccepts(Path dir, List<Profile> profiles) throws Exception {
        Path file = dir.resolve(ComposeProject.COMPOSE_FILE);
        assertThat(ComposeSchema.violations(Files.readString(file)))
                .as("compose-spec schema violations for " + profiles)
                .isEmpty();
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", "devstack", "-f", file.toString()));
        profiles.forEach(p -> command.addAll(List.of("--profile", p.id())));
        command.addAll(List.of("config", "-q"));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            System.out.println(
                    "[compose] " + profiles + ": compose-spec schema passed; docker-compose is not installed, so "
                            + "`docker-compose config -q` did not run (apt-get install --no-install-recommends "
                            + "docker-compose adds it)");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor())
                .as("docker-compose config -q for " + profiles + ":\n" + output)
                .isZero();
    }
}
