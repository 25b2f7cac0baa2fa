package io.devstack.bench;

import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.local.LogRotation;
import io.devstack.testsupport.ReferenceApis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.function.Predicate;

/**
 * One server under test as a child JVM on a free loopback port: a reference API (ApiLauncher's command line,
 * so it is measured as {@code devstack up} runs it) or the {@link FloorServer}. Start time counts from the
 * process start to the first healthy answer ({@code /health/all} with every backend healthy, past its cache).
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(180);
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final URI base;
    private final long startMillis;
    private final ProcessStats stats;

    private ServerProcess(String name, Process process, URI base, long startMillis) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.startMillis = startMillis;
        this.stats = new ProcessStats(process.pid());
    }

    /**
     * Starts {@code module}'s jar with {@code environment} (the contract's variables, docs/api-contract.md) and waits
     * until it is healthy.
     */
    static ServerProcess api(
            Path projectRoot, String module, Map<String, String> environment, Pinning pinning, Path logDir) {
        int port = freePort();
        Map<String, String> env = onPort(environment, port);
        // measured as devstack up runs it: with its AOT cache ({@link #trainAotCache} made it current)
        List<String> command = pinning.serverCommand(ApiLauncher.commandWithAotCache(
                ApiLauncher.jar(projectRoot, module), env, port, logDir, ServerProcess::progress));
        return start(
                module, command, env, port, logDir, "/health/all", body -> body.startsWith("{\"status\":\"healthy\""));
    }

    /**
     * Trains {@code module}'s AOT cache if its jar is newer (once per build, about 20 s), before the run: training is
     * part of the build, not of the measurement, and unpinned it uses both CPUs.
     */
    static void trainAotCache(Path projectRoot, String module, Map<String, String> environment, Path logDir) {
        int port = freePort();
        ApiLauncher.commandWithAotCache(
                ApiLauncher.jar(projectRoot, module), onPort(environment, port), port, logDir, ServerProcess::progress);
    }

    private static Map<String, String> onPort(Map<String, String> environment, int port) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("HTTPS_PORT", Integer.toString(freePort()));
        env.put("TLS_ENABLED", "false");
        return env;
    }

    private static void progress(String message) {
        System.out.println("  " + message);
    }

    /** Starts the JDK-server floor with the APIs' JVM options. */
    static ServerProcess floor(Pinning pinning, Path logDir) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ApiLauncher.JVM_OPTIONS);
        command.addAll(List.of("-cp", ownClasses(), FloorServer.class.getName(), Integer.toString(port)));
        return start(
                "jdk-httpserver", pinning.serverCommand(command), Map.of(), port, logDir, "/health/", body -> true);
    }

    private static ServerProcess start(
            String name,
            List<String> command,
            Map<String, String> env,
            int port,
            Path logDir,
            String readyPath,
            Predicate<String> healthy) {
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(LogRotation.freshLog(logDir.resolve(name + ".log")));
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Process process = builder.start();
            URI base = URI.create("http://127.0.0.1:" + port);
            ServerProcess server = new ServerProcess(
                    name,
                    process,
                    base,
                    awaitHealthy(name, process, base.resolve(readyPath), healthy, started, logDir));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long awaitHealthy(
            String name, Process process, URI probe, Predicate<String> healthy, long started, Path logDir) {
        HttpRequest request = HttpRequest.newBuilder(probe)
                .header("Cache-Control", "no-cache")
                .timeout(Duration.ofSeconds(10))
                .build();
        while (true) {
            try {
                HttpResponse<String> answer = PROBE.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && healthy.test(answer.body())) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was healthy: see " + logDir.resolve(name + ".log"));
            }
            if (System.nanoTime() - started > HEALTHY_WITHIN.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        name + " did not answer " + probe.getPath() + " healthy within " + HEALTHY_WITHIN.toSeconds()
                                + " s: is the native stack up? See " + logDir.resolve(name + ".log"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
    }

    String name() {
        return name;
    }

    URI base() {
        return base;
    }

    /** Milliseconds from the process start to the first healthy answer. */
    long startMillis() {
        return startMillis;
    }

    ProcessStats stats() {
        return stats;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then a kill after 15 s. */
    @Override
    public void close() {
        ReferenceApis.stop(process);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** Where this class was loaded from ({@code target/classes} or the module jar): all the floor server needs. */
    private static String ownClasses() {
        try {
            return Path.of(FloorServer.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
