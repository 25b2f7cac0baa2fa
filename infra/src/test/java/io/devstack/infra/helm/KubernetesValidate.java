package io.devstack.infra.helm;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Strict, offline schema validation against the Kubernetes API: PyPI's {@code kubernetes-validate} bundles the
 * JSON schemas of Kubernetes 1.25–1.37. It is installed once into a private venv under the DevStack home's
 * tools folder (as OpenBao is), so the build needs only python3 with venv, which CI already installs.
 */
final class KubernetesValidate {

    static final String PACKAGE = "kubernetes-validate==1.37.0";
    static final String KUBERNETES_VERSION = "1.37.0";

    private KubernetesValidate() {}

    /** Exit code and output of {@code kubernetes-validate --strict} over the files. */
    static Result validate(List<Path> files) {
        List<String> args = new ArrayList<>(
                List.of(executable().toString(), "--strict", "--quiet", "--kubernetes-version", KUBERNETES_VERSION));
        files.forEach(f -> args.add(f.toString()));
        return run(args);
    }

    record Result(int exit, String output) {}

    private static synchronized Path executable() {
        Path venv = DevstackHome.fromEnvironment().toolsRoot().resolve("kubernetes-validate");
        Path bin = venv.resolve("bin/kubernetes-validate");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Result created = run(List.of("python3", "-m", "venv", venv.toString()));
        if (created.exit() != 0) {
            throw new IllegalStateException(
                    "python3 cannot create a venv in " + venv + " (install python3-venv): " + created.output());
        }
        Result installed = run(List.of(
                venv.resolve("bin/pip").toString(), "install", "--quiet", "--disable-pip-version-check", PACKAGE));
        if (installed.exit() != 0) {
            throw new IllegalStateException("pip could not install " + PACKAGE + ": " + installed.output());
        }
        return bin;
    }

    private static Result run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(124, out + "\ntimed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
