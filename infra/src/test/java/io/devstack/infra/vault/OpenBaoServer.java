package io.devstack.infra.vault;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenBao server on port 18200 with a fresh DevStack home, started once per test class and
 * stopped after it. The binary comes from {@link OpenBaoBinary#locate}, with a tools directory kept
 * under the system temp dir so a fresh machine installs OpenBao once, not once per class.
 *
 * <pre>{@code @RegisterExtension static final OpenBaoServer BAO = new OpenBaoServer();}</pre>
 */
public final class OpenBaoServer implements BeforeAllCallback, AfterAllCallback {

    public static final int PORT = 18200;

    private static final Path TOOLS_HOME = Path.of(System.getProperty("java.io.tmpdir"), "devstack-test-tools");

    private DevstackHome home;
    private Path binary;
    private Path config;
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = new DevstackHome(Files.createTempDirectory("devstack-vault-test"));
        binary = OpenBaoBinary.locate(new DevstackHome(TOOLS_HOME), Progress.console());
        config = OpenBaoConfig.write(home, PORT);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        deleteRecursively(home.root());
    }

    public DevstackHome home() {
        return home;
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + PORT);
    }

    /** The OpenBao executable the server runs (also a Vault-compatible CLI). */
    public Path binary() {
        return binary;
    }

    public VaultLifecycle lifecycle() {
        return new VaultLifecycle(address(), home, Progress.console());
    }

    /** Starts the server and waits until its HTTP port accepts connections. */
    public void start() throws IOException, InterruptedException {
        if (portOpen()) {
            throw new IllegalStateException("Port " + PORT + " is already in use: stop whatever listens there");
        }
        Files.createDirectories(home.logsDir());
        process = new ProcessBuilder(List.of(binary.toString(), "server", "-config=" + config))
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(home.logFile("vault").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!portOpen()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(
                        "OpenBao did not open port " + PORT + ":\n" + Files.readString(home.logFile("vault")));
            }
            Thread.sleep(100);
        }
    }

    /** Stops the server the way a supervisor would (SIGTERM, then kill); Vault comes back sealed. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    private static boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
