package io.devstack.composetests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devstack.api.javalin.Application;
import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.compose.ComposeProject;
import io.devstack.testsupport.NativeStack;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Grafana dashboards name only metrics an API really exposes: a live {@code /metrics} scrape of
 * api-javalin started in-process on the native stack. One API suffices: {@code common} owns the metric names and
 * all five modules register them through it.
 */
class DashboardMetricsTest {

    private static final Pattern SELECTOR = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\{");
    private static final Pattern EXPOSED = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @TempDir
    static Path tmp;

    private static ApiServices services;
    private static Javalin app;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startApi() throws Exception {
        NativeStack stack = NativeStack.shared();
        services = ApiServices.start(
                ApiSettings.fromEnvironment(stack.apiEnvironment("api-javalin"), ApiModule.JAVALIN),
                Application.implementation());
        services.warmUp().join();
        app = Application.create(services).start(0);
        // touch every family: HTTP requests, backend calls, the cache counter (miss then hit)
        get("/health/all");
        send(HttpRequest.newBuilder(uri("/examples/cache/dashboard-test?ttl=60"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"x\"}"))
                .header("Content-Type", "application/json"));
        get("/examples/cache/dashboard-test");
        get("/examples/cache/dashboard-missing");
    }

    @AfterAll
    static void stopApi() {
        if (app != null) {
            app.stop();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyDashboardMetricIsExposedByTheApi() throws Exception {
        Set<String> exposed = new HashSet<>();
        Matcher m = EXPOSED.matcher(get("/metrics").body());
        while (m.find()) {
            exposed.add(m.group(1));
        }
        assertThat(exposed)
                .contains(
                        "http_server_requests_seconds_bucket",
                        "devstack_backend_calls_seconds_bucket",
                        "devstack_circuit_breaker_state",
                        "devstack_cache_requests_total");

        Path project = tmp.resolve("project");
        new ComposeProject(new DevstackHome(tmp.resolve("home")), tmp).write(List.of(), project);
        int checked = 0;
        try (var files = Files.list(project.resolve("grafana/dashboards"))) {
            for (Path file : files.toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                if (!dashboard.findValues("datasource").toString().contains("prometheus")) {
                    continue; // the logs dashboard queries Loki
                }
                for (JsonNode expr : dashboard.findValues("expr")) {
                    Matcher names = SELECTOR.matcher(expr.asText());
                    while (names.find()) {
                        assertThat(exposed)
                                .as(file.getFileName() + ": " + expr.asText())
                                .contains(names.group(1));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("metric references checked").isGreaterThanOrEqualTo(10);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
