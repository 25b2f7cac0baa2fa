package io.devstack.infra.cli;

import io.devstack.infra.local.LogTail;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.runtime.ComposeRuntime;
import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack logs <service>}: the end of a service's log file, optionally followed. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show a service's log.")
final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Parameters(
            paramLabel = "SERVICE",
            completionCandidates = NativeServices.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String service;

    @Option(
            names = {"-n", "--lines"},
            defaultValue = "50",
            description = "How many lines from the end (default 50).")
    int lines;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (ComposeRuntime.isActive(root.localRuntime().home())) {
            root.composeRuntime().logs(service, lines).forEach(System.out::println);
            return 0;
        }
        Path log = root.localRuntime().home().logFile(service);
        if (!Files.exists(log)) {
            throw new StackException(
                    "no log for '" + service + "' at " + log + " — check the name (./devstack status)"
                            + " or start the stack",
                    StackException.EXIT_NOT_RUNNING);
        }
        LogTail.lastLines(log, lines).forEach(System.out::println);
        if (follow) {
            follow(log);
        }
        return 0;
    }

    private static void follow(Path log) throws IOException, InterruptedException {
        long position = Files.size(log);
        while (true) {
            long size = Files.size(log);
            if (size < position) {
                position = 0; // wiped by down --volumes
            }
            if (size > position) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    file.seek(position);
                    byte[] bytes = new byte[(int) (size - position)];
                    file.readFully(bytes);
                    System.out.print(new String(bytes, StandardCharsets.UTF_8));
                    System.out.flush();
                }
                position = size;
            }
            Thread.sleep(500);
        }
    }

    /** The services the native runtime runs, each with its own log ({@link StackServices#backendNames()}). */
    static final class NativeServices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return StackServices.backendNames().iterator();
        }
    }
}
