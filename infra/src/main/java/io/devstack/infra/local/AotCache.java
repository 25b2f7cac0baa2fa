package io.devstack.infra.local;

import io.devstack.infra.Progress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One API's ahead-of-time cache (JDK 25, JEP 483/514/515): the classes it loads, already parsed and linked, and
 * the method profiles of a training run, mapped at the next start instead of being loaded and learned again. It
 * roughly halves the CPU an API spends to become healthy.
 *
 * <p>The cache sits beside the jar ({@code <module>/target/<module>-<key>.aot}); the key covers the JVM options
 * and the JDK, which the cache must match. It is trained once, against the running stack, and reused until a jar
 * on the class path is newer than it ({@code mvn package} rebuilt the API). Training is best effort: when it
 * fails, the API starts without a cache, as before.
 */
public final class AotCache {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(150);
    private static final Duration ASSEMBLED_WITHIN = Duration.ofSeconds(180);
    /** Rounds of the training workload: enough calls for the JIT's profiles to settle on the hot paths. */
    private static final int ROUNDS = 40;

    private static final String NO_CACHE = "no-cache";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * One training at a time in this JVM: five APIs training at once on two cores took over 150 s, and one of them
     * once stopped answering (a thread dump is written to its training log when that happens).
     */
    private static final ReentrantLock TRAINING = new ReentrantLock();

    private final Path jar;
    private final String module;
    private final AotCacheFile cache;

    private AotCache(Path jar) {
        this.jar = jar;
        this.module = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        this.cache = AotCacheFile.of(jar.getParent(), module, ApiJvmOptions.list(), classpath(jar));
    }

    /** The runnable jar and the {@code lib/} folder its manifest names. */
    private static List<Path> classpath(Path jar) {
        List<Path> classpath = new ArrayList<>(List.of(jar));
        try (Stream<Path> lib = Files.list(jar.resolveSibling("lib"))) {
            lib.forEach(classpath::add);
        } catch (IOException e) {
            // no lib folder: the jar alone is the class path
        }
        return classpath;
    }

    /** The cache of the API whose runnable jar is {@code jar}. */
    public static AotCache of(Path jar) {
        return new AotCache(jar);
    }

    public Path file() {
        return cache.file();
    }

    /** {@code -XX:AOTCache=<file>} when a current cache exists, else nothing (the API starts without one). */
    public List<String> jvmOptions() {
        return usable() ? List.of("-XX:AOTCache=" + cache.file()) : List.of();
    }

    /** A cache exists for these JVM options and JDK, and no jar on the API's class path is newer. */
    public boolean usable() {
        return cache.usable();
    }

    /**
     * Trains the cache when there is no usable one: runs the API with {@code command} plus
     * {@code -XX:AOTCacheOutput} on {@code port}, waits for a healthy {@code /health/all}, sends it the training
     * workload, stops it and lets the JDK assemble the cache. Output goes to {@code
     * <logDir>/<module>-aot-training.log}.
     */
    public void ensure(List<String> command, Map<String, String> env, int port, Path logDir, Progress progress) {
        Path log = logDir.resolve(module + "-aot-training.log");
        if (usable() || !cache.supported()) {
            return;
        }
        TRAINING.lock();
        try {
            if (!usable()) {
                train(command, env, port, log, progress);
            }
        } finally {
            TRAINING.unlock();
        }
    }

    private void train(List<String> command, Map<String, String> env, int port, Path log, Progress progress) {
        String jarName = jar.getFileName().toString();
        long started = System.nanoTime();
        progress.step(jarName + ": training its AOT cache (once per build; log: " + log + ")");
        Path file = cache.file();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Process process = null;
        try {
            cache.deleteStale();
            Files.createDirectories(log.getParent());
            List<String> training = new ArrayList<>(command);
            training.add(1, "-XX:AOTCacheOutput=" + partial);
            ProcessBuilder builder =
                    new ProcessBuilder(training).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            process = builder.start();
            URI base = URI.create("http://127.0.0.1:" + port);
            try {
                awaitHealthy(process, base);
            } catch (IOException e) {
                threadDump(process, log);
                throw e;
            }
            for (int round = 0; round < ROUNDS; round++) {
                workload(base);
            }
            process.destroy(); // SIGTERM: the JVM writes the cache on its way out
            if (!process.waitFor(ASSEMBLED_WITHIN.toSeconds(), TimeUnit.SECONDS) || !Files.isRegularFile(partial)) {
                throw new IOException("no cache was written (see the log)");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.step(jarName + ": AOT cache ready in " + (System.nanoTime() - started) / 1_000_000_000 + " s ("
                    + Files.size(file) / (1024 * 1024) + " MB)");
        } catch (IOException | RuntimeException e) {
            progress.step(
                    module + ": AOT cache not trained (" + Readiness.describe(e) + "); the API starts without it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover partial file is overwritten by the next training
            }
        }
    }

    /**
     * Every area of the contract once, reads only (so training leaves nothing behind but one short-lived key):
     * the code paths a real start needs are then in the cache, with their profiles.
     */
    private static void workload(URI base) throws IOException, InterruptedException {
        String key = "/examples/cache/devstack-aot-training";
        for (String path : List.of(
                "/",
                "/health/",
                "/health/vault",
                "/health/postgres",
                "/health/mysql",
                "/health/mongodb",
                "/health/redis",
                "/health/rabbitmq",
                "/redis/cluster/nodes",
                "/redis/cluster/slots",
                "/redis/cluster/info",
                "/redis/nodes/redis-1/info",
                "/examples/vault/secret/postgres",
                "/examples/vault/secret/postgres/user",
                "/examples/database/postgres/query",
                "/examples/database/mysql/query",
                "/examples/database/mongodb/query",
                "/examples/messaging/queue/devstack-aot-training/info",
                key,
                "/metrics",
                "/no-such-route",
                "/examples/cache/not%20valid")) {
            send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }
        send(HttpRequest.newBuilder(base.resolve("/health/all"))
                .header("Cache-Control", NO_CACHE)
                .GET());
        send(HttpRequest.newBuilder(base.resolve(key + "?value=v&ttl=5")).POST(HttpRequest.BodyPublishers.noBody()));
        send(HttpRequest.newBuilder(base.resolve(key))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"v\",\"ttl\":5}")));
        send(HttpRequest.newBuilder(base.resolve(key)).DELETE());
    }

    private static void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void awaitHealthy(Process process, URI base) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health/all"))
                .header("Cache-Control", NO_CACHE)
                .timeout(Duration.ofSeconds(10))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("the training run exited with code " + process.exitValue());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .startsWith("{\"status\":\"healthy\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("not healthy within " + HEALTHY_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    /** Appends the training JVM's threads to its log ({@code jcmd Thread.print}): why it did not become healthy. */
    private static void threadDump(Process process, Path log) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort: the log still says the run was not healthy in time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
