package io.devstack.api.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.ApiSettings;
import io.devstack.common.json.Json;
import io.devstack.testsupport.NativeStack;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The production app ({@link Application#create}) on a free port against the real native stack, started once per
 * test JVM and stopped when the JVM's tests end; tests receive it as a parameter and talk to it over real sockets.
 */
final class RunningApi implements AutoCloseable {

    final NativeStack stack;
    final ApiServices services;
    final Javalin app;
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunningApi(NativeStack stack, Map<String, String> environment) {
        this.stack = stack;
        this.services = ApiServices.start(
                ApiSettings.fromEnvironment(environment, ApiModule.JAVALIN), Application.implementation());
        this.app = Application.create(services).start(0);
    }

    /**
     * Waits (up to a minute) until {@code /health/all} reports every backend healthy, as a readiness probe would:
     * pools open at first use, and on a loaded machine a cold first call can overrun the 2 s backend deadline.
     */
    private RunningApi awaitReady() {
        services.warmUp().join(); // common's startup probe of every backend, then the check over HTTP
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> all = get("/health/all", "Cache-Control", "no-cache");
            if (all.statusCode() == 200
                    && "healthy".equals(json(all).path("status").asText())) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return this;
    }

    /** The stack's environment for api-javalin, plus {@code overrides}. */
    static RunningApi start(Map<String, String> overrides) {
        NativeStack stack = NativeStack.shared();
        Map<String, String> environment = new HashMap<>(stack.apiEnvironment(ApiModule.JAVALIN.moduleName()));
        environment.putAll(overrides);
        return new RunningApi(stack, environment).awaitReady();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = request(pathAndQuery).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GET expecting 200; on anything else the assertion shows the body (a 503 names the backend and reason). */
    JsonNode getOk(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode())
                .as("GET %s answered %s", pathAndQuery, response.body())
                .isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler) {
        try {
            return client.send(request, bodyHandler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object's keys in the order the response wrote them. */
    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Override
    public void close() {
        app.stop();
        services.close();
    }

    /** Resolves a {@link RunningApi} parameter: one app for the whole test run, closed by JUnit at the end. */
    static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningApi.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningApi.class, key -> RunningApi.start(Map.of()), RunningApi.class);
        }
    }
}
