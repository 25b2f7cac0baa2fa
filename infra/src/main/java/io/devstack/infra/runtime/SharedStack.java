package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.VaultLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;

/**
 * The native stack every test suite shares: the one already healthy at a home, or one started detached and
 * marked ({@value #MARKER}) so {@code ./devstack test} stops it after the suite; a stack the developer started is
 * left running. Used by {@code test-support}'s {@code NativeStack} and by {@code infra}'s own integration tests.
 */
public final class SharedStack {

    /** Under the home's {@code run/}: present when the tests, not a developer, started the running stack. */
    public static final String MARKER = "started-by-tests";

    private SharedStack() {}

    public static LocalRuntime ensureRunning(DevstackHome home, Progress progress) {
        LocalRuntime runtime = new LocalRuntime(home);
        long started = System.nanoTime();
        if (runtime.status().stream().allMatch(s -> s.state().equals("running"))
                && runtime.supervisorState().running()
                && runtime.health().stream().allMatch(ServiceHealth::healthy)) {
            progress.step("using the healthy stack at " + home.root() + " (checked in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return runtime;
        }
        boolean vaultWasRunning = runtime.isRunning(VaultLauncher.SERVICE);
        StackReport report = runtime.up(Set.of(), progress);
        if (!vaultWasRunning) {
            try {
                Files.writeString(
                        DevstackHome.privateDirectory(home.runDir()).resolve(MARKER),
                        "started by tests at " + Instant.now() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        progress.step("stack at " + home.root() + " ready in "
                + report.elapsed().toMillis() + " ms (" + report.kind().label() + ")");
        return runtime;
    }
}
