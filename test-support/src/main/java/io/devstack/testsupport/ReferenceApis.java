package io.devstack.testsupport;

import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.local.LogRotation;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The five reference APIs for tests and benchmarks: the ones named in {@value #URLS_ENV}
 * ({@code api-spring=http://127.0.0.1:8000,...}) when set, otherwise the five runnable jars started as child
 * processes of this JVM (the JDK running the tests, {@link NativeStack#apiEnvironment} plus the ports), each on its
 * standard port when free or a free one, output streamed to {@code <logDir>/<module>.log}. {@link #close()} stops
 * only what this instance started.
 */
public final class ReferenceApis implements AutoCloseable {

    public static final String URLS_ENV = "DEVSTACK_API_URLS";
    /** The five modules in contract order, with their standard HTTP ports. */
    public static final Map<String, Integer> MODULES = orderedModules();

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(180);

    private final Map<String, URI> urls;
    private final List<Process> started;
    private final Runnable stopLogRotation;

    private ReferenceApis(Map<String, URI> urls, List<Process> started, Runnable stopLogRotation) {
        this.urls = urls;
        this.started = started;
        this.stopLogRotation = stopLogRotation;
    }

    /**
     * Finds or starts the five APIs and waits until each answers {@code /health/all} with 200.
     *
     * @param projectRoot the reactor root (holds {@code api-<x>/target/api-<x>.jar})
     * @param logDir where started APIs write {@code <module>.log}
     */
    public static ReferenceApis findOrStart(Path projectRoot, Path logDir) {
        String given = System.getenv(URLS_ENV);
        ReferenceApis apis = given != null && !given.isBlank()
                ? new ReferenceApis(parseUrls(given), List.of(), () -> {})
                : startAll(projectRoot, logDir);
        try {
            apis.awaitHealthy();
        } catch (RuntimeException e) {
            apis.close();
            throw e;
        }
        return apis;
    }

    /** Module name → base URL (no trailing slash), in contract order. */
    public Map<String, URI> urls() {
        return urls;
    }

    static Map<String, URI> parseUrls(String value) {
        Map<String, URI> found = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String[] pair = entry.strip().split("=", 2);
            if (pair.length != 2 || !MODULES.containsKey(pair[0].strip())) {
                throw new IllegalArgumentException(URLS_ENV + " entry '" + entry
                        + "' is not <module>=<url> with module one of " + MODULES.keySet());
            }
            String url = pair[1].strip();
            found.put(pair[0].strip(), URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
        }
        if (!found.keySet().containsAll(MODULES.keySet())) {
            throw new IllegalArgumentException(
                    URLS_ENV + " must name all five modules " + MODULES.keySet() + ", got " + found.keySet());
        }
        Map<String, URI> ordered = new LinkedHashMap<>();
        MODULES.keySet().forEach(module -> ordered.put(module, found.get(module)));
        return ordered;
    }

    private static ReferenceApis startAll(Path projectRoot, Path logDir) {
        NativeStack stack = NativeStack.shared();
        Map<String, URI> urls = new LinkedHashMap<>();
        List<Process> processes = new ArrayList<>();
        try {
            Files.createDirectories(logDir);
            List<Launch> launches = new ArrayList<>();
            for (Map.Entry<String, Integer> module : MODULES.entrySet()) {
                Map<String, String> env = new LinkedHashMap<>(stack.apiEnvironment(module.getKey()));
                int port = portOrFree(module.getValue());
                env.put("HTTP_PORT", Integer.toString(port));
                env.put("HTTPS_PORT", Integer.toString(portOrFree(0)));
                env.put("TLS_ENABLED", "false");
                // run as devstack up runs them: with their AOT caches, trained here (one at a time) when a jar is newer
                List<String> command = ApiLauncher.commandWithAotCache(
                        ApiLauncher.jar(projectRoot, module.getKey()),
                        env,
                        port,
                        logDir,
                        message -> System.err.println("[ReferenceApis] " + message));
                launches.add(new Launch(module.getKey(), command, port, env));
            }
            for (Launch launch : launches) {
                ProcessBuilder builder = new ProcessBuilder(launch.command())
                        .directory(projectRoot.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(LogRotation.freshLog(logDir.resolve(launch.module() + ".log")));
                builder.environment().putAll(launch.env());
                processes.add(builder.start());
                urls.put(launch.module(), URI.create("http://127.0.0.1:" + launch.port()));
            }
        } catch (IOException | RuntimeException e) {
            processes.forEach(ReferenceApis::stop);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        // an API under load writes a log line per request: its log rotates like the stack's
        return new ReferenceApis(urls, processes, LogRotation.watch(logDir)::close);
    }

    /** How one API is started: its command line, HTTP port and environment. */
    private record Launch(String module, List<String> command, int port, Map<String, String> env) {}

    private void awaitHealthy() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        List<String> modules = new ArrayList<>(urls.keySet());
        for (int i = 0; i < modules.size(); i++) {
            String module = modules.get(i);
            while (!answersHealthy(client, urls.get(module))) {
                if (!started.isEmpty() && !started.get(i).isAlive()) {
                    throw new IllegalStateException(module + " exited with code "
                            + started.get(i).exitValue()
                            + " before it was healthy: see its log under target/parity-logs/" + module + ".log");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            module + " at " + urls.get(module) + " did not answer /health/all within "
                                    + HEALTHY_WITHIN.toSeconds() + " s: is it running, and is the native stack up?");
                }
                sleep(500);
            }
        }
    }

    private static boolean answersHealthy(HttpClient client, URI base) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(base.resolve("/health/all"))
                            .header("Cache-Control", "no-cache")
                            .timeout(Duration.ofSeconds(15))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"healthy\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + base, e);
        }
    }

    /** Stops the APIs this instance started (SIGTERM, then a kill after 15 s). */
    @Override
    public void close() {
        started.forEach(Process::destroy);
        started.forEach(ReferenceApis::stop);
        stopLogRotation.run();
    }

    /** Stops one child JVM: SIGTERM, then a kill after 15 s (also for the benchmarks' servers). */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int portOrFree(int wanted) {
        try (ServerSocket socket = new ServerSocket(wanted, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException taken) {
            return wanted == 0 ? fail(taken) : portOrFree(0);
        }
    }

    private static int fail(IOException e) {
        throw new UncheckedIOException("no free local port", e);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, Integer> orderedModules() {
        Map<String, Integer> modules = new LinkedHashMap<>();
        for (StackService api : StackServices.apis()) {
            modules.put(api.name(), api.mainPort());
        }
        return Collections.unmodifiableMap(modules);
    }
}
