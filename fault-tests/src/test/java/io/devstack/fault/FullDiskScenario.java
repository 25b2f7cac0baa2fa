package io.devstack.fault;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.testsupport.NativeStack;
import io.devstack.testsupport.ReferenceApis;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The full-disk fault, run by {@link FullDisk} in a child JVM inside its own network namespace (the standard ports
 * free, beside the shared stack) and mount namespace, where the second stack's data folder is a small tmpfs: the
 * stack and the five APIs are started on it, the mixed load runs, a filler file takes every free byte (topped up while
 * the fault is on), the CLI is asked what it sees, then the filler is deleted and the APIs must accept writes again.
 * Writes its outcomes (one per API) and summary lines to the file named by its second argument.
 */
final class FullDiskScenario {

    static final String FAULT = "full disk (tmpfs data folder)";
    /**
     * A fresh stack's data takes about 120 MB, and MariaDB about 100 MB more while it first resizes its redo log; the
     * filler takes the rest.
     */
    static final String TMPFS_SIZE = "256m";

    private static final Duration FULL_FOR = Duration.ofSeconds(8);
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(60);
    private static final String BROKER_PROBE_QUEUE = "full-disk-broker-probe";
    private static final Duration CLI_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final String LOGS = "fault-tests/target/full-disk/logs";

    private FullDiskScenario() {}

    /**
     * {@code <project root> <result file> <netns file>} (where the namespace's identity is written, for the cleanup);
     * {@code DEVSTACK_HOME} is the second stack's home.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path result = Path.of(args[1]);
        Files.writeString(Path.of(args[2]), Files.readSymbolicLink(Path.of("/proc/self/ns/net")) + "\n");
        DevstackHome home = DevstackHome.fromEnvironment();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        ReferenceApis.MODULES.keySet().forEach(api -> outcomes.put(api, new Outcome(FAULT, api)));
        List<String> summary = new ArrayList<>();
        try {
            command(List.of("ip", "link", "set", "lo", "up"));
            Files.createDirectories(home.dataRoot());
            command(List.of(
                    "mount",
                    "-t",
                    "tmpfs",
                    "-o",
                    "size=" + TMPFS_SIZE + ",mode=0700",
                    "devstack-full-disk",
                    home.dataRoot().toString()));
            run(root, home, outcomes, summary);
        } catch (Exception | AssertionError e) {
            String failure = "the full-disk scenario stopped: " + e;
            outcomes.values().forEach(o -> o.failures.add(failure));
            e.printStackTrace();
        } finally {
            try {
                new LocalRuntime(home).down(false, Progress.SILENT);
            } catch (RuntimeException e) {
                summary.add("full disk: stopping the second stack failed: " + e.getMessage());
            }
            keepLogs(home, root.resolve(LOGS));
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(result))) {
                out.writeObject(new LinkedHashMap<>(outcomes));
                out.writeObject(new ArrayList<>(summary));
            }
        }
        System.exit(0); // the stack's and the APIs' clients leave non-daemon threads behind
    }

    private static void run(Path root, DevstackHome home, Map<String, Outcome> outcomes, List<String> summary)
            throws Exception {
        long started = System.nanoTime();
        NativeStack stack = NativeStack.shared();
        LocalRuntime runtime = new LocalRuntime(home);
        Path logs = root.resolve(LOGS);
        try (ReferenceApis apis = ReferenceApis.findOrStart(root, logs)) {
            Map<String, URI> urls = apis.urls();
            progress("the second stack and the five APIs are up; load for 2 s, then the disk is filled");
            double startSeconds = (System.nanoTime() - started) / 1e9;
            AcknowledgedWrites writes = new AcknowledgedWrites();
            Map<String, Long> pidsBefore = runtime.pids();
            Path filler = home.dataRoot().resolve("filler");
            long fillerBytes;
            try (MixedLoad load = new MixedLoad(urls, writes)) {
                Thread.sleep(2_000); // warm, and writes acknowledged before the fault
                load.observe(outcomes);
                fillerBytes = fill(filler);
                progress("the disk is full (filler " + fillerBytes / (1024 * 1024) + " MB)");
                long fullUntil = System.nanoTime() + FULL_FOR.toNanos();
                while (System.nanoTime() < fullUntil) { // keep it full: a server may free a temporary file
                    Thread.sleep(1_000);
                    fillerBytes += fill(filler);
                }
                FaultInjectionTest.eachApi(
                        urls, (api, url) -> outcomes.get(api).healthWhileDown = FaultInjectionTest.health(url));
                String status = cli(root, "status");
                String up = cli(root, "up", "--detach");
                summary.add("full disk: devstack status: " + status + "; devstack up: " + up);
                if (!status.contains("is full") || !up.contains("is full")) {
                    outcomes.values().forEach(o -> o.failures.add("the CLI did not name the full disk in one line"));
                }
                Files.delete(filler);
                long freed = System.nanoTime();
                progress("the filler is deleted; waiting for the broker, then every API, to accept writes again");
                // recovery counts from the backend's return, as for a killed backend: the broker's store failed on
                // the full disk, so it restarts once there is room (its own time is reported beside it)
                boolean brokerBack =
                        Poll.until(RECOVERED_WITHIN, Duration.ofMillis(200), () -> brokerConfirmsAPublish(stack));
                long back = System.nanoTime();
                summary.add(String.format(
                        "full disk: the broker took a confirmed publish again %.1f s after the space was freed%s",
                        (back - freed) / 1e9,
                        brokerBack ? "" : " (not within " + RECOVERED_WITHIN.toSeconds() + " s)"));
                FaultInjectionTest.eachApi(urls, (api, url) -> {
                    Outcome outcome = outcomes.get(api);
                    if (awaitWritesServed(url, api)) {
                        outcome.recovery = Duration.ofNanos(System.nanoTime() - back);
                    } else {
                        outcome.failures.add("not accepting a cache SET and a publish " + RECOVERED_WITHIN.toSeconds()
                                + " s after the broker's return");
                    }
                });
                load.observe(null);
            }
            FaultInjectionTest.eachApi(
                    urls, (api, url) -> outcomes.get(api).healthAfter = FaultInjectionTest.health(url));
            crashedBackends(runtime, stack, pidsBefore, outcomes);
            List<String> lostKeys = writes.lostCacheWrites(stack);
            Map<String, Integer> lostMessages = writes.lostMessages(stack);
            int lostPublishes = lostMessages.values().stream().mapToInt(i -> i).sum();
            if (!lostKeys.isEmpty() || lostPublishes > 0) {
                String lost = "acknowledged writes lost on the full disk: " + lostKeys.size() + " cache SETs "
                        + lostKeys.stream().limit(5).toList() + ", " + lostPublishes + " publishes " + lostMessages;
                outcomes.values().forEach(o -> o.failures.add(lost));
            }
            long recovered =
                    outcomes.values().stream().filter(o -> o.recovery != null).count();
            summary.add(
                    0,
                    String.format(
                            "full disk: a second stack in its own network and mount namespaces, data on a %s tmpfs;"
                                    + " stack and five APIs up in %.0f s; filler %d MB; %d of %d APIs writing again"
                                    + " within %d s of the broker's return; acknowledged writes: %d cache SETs"
                                    + " (%d lost), %d publishes (%d lost); %.0f s in all",
                            TMPFS_SIZE,
                            startSeconds,
                            fillerBytes / (1024 * 1024),
                            recovered,
                            outcomes.size(),
                            RECOVERED_WITHIN.toSeconds(),
                            writes.cacheCount(),
                            lostKeys.size(),
                            writes.messageCount(),
                            lostPublishes,
                            (System.nanoTime() - started) / 1e9));
        }
    }

    /**
     * The broker's and the supervisor's logs outlive the second home: they tell how the broker came back (its fatal
     * exit, the supervisor's restart and its delay, the new start).
     */
    private static void keepLogs(DevstackHome home, Path logs) {
        for (String service : List.of("rabbitmq", "supervisor")) {
            try {
                Files.createDirectories(logs);
                Files.copy(home.logFile(service), logs.resolve(service + ".log"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                System.err.println("[fault] full disk: " + service + "'s log was not kept: " + e.getMessage());
            }
        }
    }

    private static void progress(String message) {
        System.err.println("[fault] full disk: " + message);
    }

    /** Appends to {@code filler} until the disk refuses: the bytes it took. */
    static long fill(Path filler) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
        long written = 0;
        try (FileChannel out = FileChannel.open(
                filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (true) {
                chunk.clear();
                written += out.write(chunk);
            }
        } catch (IOException full) {
            if (!Objects.toString(full.getMessage(), "").contains("No space left")) {
                throw full;
            }
            return written;
        }
    }

    /** A backend whose process changed during the fault died on the full disk: named, and a failure if not back. */
    private static void crashedBackends(
            LocalRuntime runtime, NativeStack stack, Map<String, Long> before, Map<String, Outcome> outcomes) {
        Map<String, Long> after = runtime.pids();
        before.forEach((service, pid) -> {
            if (pid.equals(after.get(service))) {
                return;
            }
            boolean back = runtime.isRunning(service);
            String finding = service + " died on the full disk (pid " + pid + " → " + after.get(service) + ", "
                    + stack.restarts(service) + " restarts by the supervisor); running again: " + (back ? "yes" : "no");
            outcomes.values().forEach(o -> (back ? o.notes : o.failures).add(finding));
        });
    }

    /**
     * The broker stores a persistent message on a durable queue and confirms it: its store is writable again. (A
     * publish to an absent queue would be confirmed without touching the store.)
     */
    private static boolean brokerConfirmsAPublish(NativeStack stack) throws IOException, InterruptedException {
        try (Connection connection = stack.amqpFactory().newConnection("devstack-full-disk-probe");
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(BROKER_PROBE_QUEUE, true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish(
                    "", BROKER_PROBE_QUEUE, MessageProperties.PERSISTENT_BASIC, "{}".getBytes(StandardCharsets.UTF_8));
            boolean confirmed = channel.waitForConfirms(MixedLoad.DEADLINE.toMillis());
            channel.queuePurge(BROKER_PROBE_QUEUE);
            return confirmed;
        } catch (TimeoutException | RuntimeException notYet) {
            return false; // a confirm or close past its time, or a channel the broker closed: not back yet
        }
    }

    /** True once {@code api} answers 200 to a cache SET and to a publish, within {@link #RECOVERED_WITHIN}. */
    private static boolean awaitWritesServed(URI api, String name) {
        return Poll.until(
                RECOVERED_WITHIN,
                Duration.ofMillis(200),
                () -> post(api.resolve("/examples/cache/full-disk-probe-" + name + "?value=1"), null) == 200
                        && post(
                                        api.resolve("/examples/messaging/publish?queue_name=full-disk-probe"),
                                        "{\"probe\":true}")
                                == 200);
    }

    private static int post(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(MixedLoad.DEADLINE);
        request = json == null
                ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code ./devstack <args>} on the full disk: its exit code and the line that names the problem (or its last). */
    private static String cli(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("devstack").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("devstack-full-disk-cli", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(CLI_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "no answer within " + CLI_WITHIN.toSeconds() + " s";
            }
            List<String> lines = Files.readAllLines(output);
            String named = lines.stream()
                    .filter(l -> l.contains("is full"))
                    .findFirst()
                    .orElse(lines.isEmpty() ? "" : lines.getLast());
            return "exit " + process.exitValue() + ", \"" + named.strip() + "\"";
        } finally {
            Files.delete(output);
        }
    }

    private static void command(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
