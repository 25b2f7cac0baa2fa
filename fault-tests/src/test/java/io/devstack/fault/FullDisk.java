package io.devstack.fault;

import io.devstack.infra.DevstackHome;
import io.devstack.testsupport.ReferenceApis;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs {@link FullDiskScenario} in a child JVM under {@code unshare --net --mount}: a second home whose server
 * binaries and OpenBao are the shared home's (symlinked, nothing unpacked twice) and whose data folder the child
 * mounts as a small tmpfs. Afterwards, failed or not, every process left in that network namespace is killed (which
 * ends both namespaces and so the tmpfs) and the home is deleted.
 */
final class FullDisk {

    /**
     * The second stack's first start, five APIs and 60 s for recovery; AOT caches are trained only when a jar is new
     * (in {@code FaultInjectionTest} the first five APIs trained them already).
     */
    private static final Duration WITHIN = Duration.ofMinutes(8);

    private FullDisk() {}

    /**
     * Whether this run can make the namespaces and the tmpfs (root, {@code unshare} present) and was not told to
     * leave the full disk out ({@code -Dfault.fullDisk=false}); if not, says so in {@code summary}.
     */
    static boolean canRun(List<String> summary) throws IOException, InterruptedException {
        if (!Boolean.parseBoolean(System.getProperty("fault.fullDisk", "true"))) {
            summary.add("full disk: left out (-Dfault.fullDisk=false)");
            return false;
        }
        Process probe = new ProcessBuilder("unshare", "--net", "--mount", "true")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            probe.destroyForcibly();
            summary.add("full disk: left out: it needs root to make network and mount namespaces (unshare)");
            return false;
        }
        return true;
    }

    /** The outcomes per API, in the order of {@code ReferenceApis.MODULES}; adds the scenario's lines to summary. */
    @SuppressWarnings("unchecked")
    static Map<String, Outcome> run(Path root, DevstackHome shared, List<String> summary) throws Exception {
        Path project = root.toAbsolutePath().normalize();
        Path dir = project.resolve("fault-tests/target/full-disk");
        Files.createDirectories(dir);
        Path result = dir.resolve("outcomes.ser");
        Path netns = dir.resolve("netns");
        Path log = dir.resolve("scenario.log");
        Files.deleteIfExists(result);
        Files.deleteIfExists(netns);
        Path home = Files.createTempDirectory("devstack-full-disk");
        Files.createSymbolicLink(home.resolve("bin"), shared.binRoot().toAbsolutePath());
        Files.createSymbolicLink(home.resolve("tools"), shared.toolsRoot().toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(
                        "unshare",
                        "--net",
                        "--mount",
                        "--propagation",
                        "private",
                        "--",
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FullDiskScenario.class.getName(),
                        project.toString(),
                        result.toString(),
                        netns.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()); // not this JVM's stdout: surefire talks to Maven over it
        builder.environment().put(DevstackHome.ENV, home.toString());
        builder.environment().remove("DEVSTACK_API_URLS");
        System.err.println(
                "[fault] full disk: starting a second stack in its own namespaces (about 2 minutes; log: " + log + ")");
        Process child = builder.start();
        try {
            if (!child.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                summary.add("full disk: the scenario did not finish within " + WITHIN.toMinutes() + " min; killed");
            }
        } finally {
            killNamespace(netns, child);
            deleteHome(home);
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(l -> l.startsWith("[fault]")).forEach(System.err::println);
            }
        }
        if (!Files.exists(result)) {
            Map<String, Outcome> failed = new LinkedHashMap<>();
            for (String api : ReferenceApis.MODULES.keySet()) {
                Outcome outcome = new Outcome(FullDiskScenario.FAULT, api);
                outcome.failures.add("the full-disk scenario left no outcome; see " + log);
                failed.put(api, outcome);
            }
            return failed;
        }
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
            Map<String, Outcome> outcomes = (Map<String, Outcome>) in.readObject();
            summary.addAll((List<String>) in.readObject());
            return outcomes;
        }
    }

    /**
     * Kills the child and every process in its network namespace (the second stack, its supervisor, the APIs), found
     * by the namespace's identity the child wrote; never one in this JVM's own namespace.
     */
    private static void killNamespace(Path netns, Process child) throws IOException, InterruptedException {
        Optional<String> id =
                Files.exists(netns) ? Optional.of(Files.readString(netns).strip()) : Optional.empty();
        String own = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        List<ProcessHandle> left = new ArrayList<>();
        if (id.isPresent() && !id.get().equals(own)) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .filter(p -> id.get().equals(netnsOf(p)))
                        .forEach(p -> ProcessHandle.of(
                                        Long.parseLong(p.getFileName().toString()))
                                .ifPresent(left::add));
            }
        }
        left.add(child.toHandle());
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("[fault] full disk: pid " + process.pid() + " did not exit: " + e);
            }
        }
    }

    private static String netnsOf(Path proc) {
        try {
            return Files.readSymbolicLink(proc.resolve("ns/net")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return ""; // gone, or not ours to read
        }
    }

    /** Deletes the second home; its symlinks are removed, never followed. */
    private static void deleteHome(Path home) {
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
