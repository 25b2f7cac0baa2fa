package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: a shell script standing in for a server that forks a child, and one that crashes. */
class ProcessSupervisorTest {

    @TempDir
    Path root;

    private Path script(DevstackHome home, String name, String body) throws Exception {
        Path script = home.binRoot().resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        return script;
    }

    @Test
    void startsDetachedWithPidAndLogAndStopLeavesNoDescendant() throws Exception {
        DevstackHome home = new DevstackHome(root);
        ProcessSupervisor supervisor = new ProcessSupervisor(home);
        Path server = script(home, "server.sh", "echo server up\nsleep 60 &\nwait");

        long pid = supervisor.start("fake", List.of("sh", server.toString()), Map.of(), home.dataDir("fake"));

        assertThat(Files.readString(home.pidFile("fake")).strip()).isEqualTo(Long.toString(pid));
        assertThat(supervisor.state("fake").status()).isEqualTo(ProcessState.Status.RUNNING);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        awaitDescendant(handle);
        List<ProcessHandle> family = handle.descendants().toList();
        assertThat(family).isNotEmpty();
        // its own session: Ctrl-C in the starting terminal does not reach it
        assertThat(sessionOf(pid)).isEqualTo(pid);

        supervisor.stop("fake", StopSignal.TERM, Duration.ofSeconds(5));

        assertThat(supervisor.state("fake").status()).isEqualTo(ProcessState.Status.STOPPED);
        assertThat(home.pidFile("fake")).doesNotExist();
        assertThat(family)
                .allSatisfy(
                        p -> assertThat(gone(p)).as("descendant %d", p.pid()).isTrue());
        assertThat(gone(handle)).isTrue();
        assertThat(supervisor.lastLogLines("fake", 5)).contains("server up");
    }

    @Test
    void aProcessThatDiedIsReportedCrashedWithItsLastLogLines() throws Exception {
        DevstackHome home = new DevstackHome(root);
        ProcessSupervisor supervisor = new ProcessSupervisor(home);
        Path server = script(home, "crash.sh", "echo 'FATAL: cannot open data directory'\nexit 3");

        long pid = supervisor.start("fragile", List.of("sh", server.toString()), Map.of(), home.dataDir("fragile"));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Thread.sleep(100);

        ProcessState state = supervisor.state("fragile");
        assertThat(state.status()).isEqualTo(ProcessState.Status.CRASHED);
        assertThat(state.pid()).isEqualTo(pid);
        assertThat(supervisor.lastLogLines("fragile", 20)).contains("FATAL: cannot open data directory");
    }

    @Test
    void aPidFileNamingSomeoneElsesProcessIsNotTakenForOurs() throws Exception {
        DevstackHome home = new DevstackHome(root);
        DevstackHome.privateDirectory(home.runDir());
        // this test JVM is alive but is not a process of that home
        Files.writeString(home.pidFile("postgres"), ProcessHandle.current().pid() + "\n");

        assertThat(new ProcessSupervisor(home).state("postgres").status()).isEqualTo(ProcessState.Status.CRASHED);
    }

    static boolean gone(ProcessHandle p) {
        if (!p.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (Exception e) {
            return true;
        }
    }

    private static long sessionOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    @Test
    void aChildInheritsNoSecretFromTheShellOnlyWhatEveryServerNeeds() {
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH",
                "/usr/bin",
                "HOME",
                "/root",
                "VAULT_TOKEN",
                "hvs.secret",
                "PGPASSWORD",
                "hunter2",
                "AWS_SECRET_ACCESS_KEY",
                "x"));

        assertThat(ProcessSupervisor.onlyNeeded(env)).containsOnlyKeys("PATH", "HOME");
    }

    private static void awaitDescendant(ProcessHandle handle) throws InterruptedException {
        for (int i = 0; i < 50 && handle.descendants().findAny().isEmpty(); i++) {
            Thread.sleep(50);
        }
    }
}
