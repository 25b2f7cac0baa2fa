package io.devstack.infra.compose;

import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker compose} (v2 plugin) or {@code docker-compose} (v1), whichever exists, on one project
 * folder with project name {@value ComposeFile#PROJECT}; and {@code docker} itself for inspect/exec/logs.
 */
public final class ComposeCli {

    public static final String NO_ENGINE =
            "no Docker engine answers (`docker info` failed): start Docker/Colima, or use --runtime native";

    private final List<String> compose;
    private final Path projectDir;

    private ComposeCli(List<String> compose, Path projectDir) {
        this.compose = List.copyOf(compose);
        this.projectDir = projectDir;
    }

    /** Whether a Docker engine answers {@code docker info} (what {@code --runtime auto} asks). */
    public static boolean engineAnswers() {
        return run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), null, 20)
                        .exit()
                == 0;
    }

    /** The compose command for {@code projectDir}; fails with one line when no engine or no compose exists. */
    public static ComposeCli forProject(Path projectDir) {
        if (!engineAnswers()) {
            throw new StackException(NO_ENGINE, StackException.EXIT_UNSUPPORTED);
        }
        return new ComposeCli(detect(), projectDir);
    }

    /** {@code docker compose} when the v2 plugin answers, else {@code docker-compose} (v1). */
    static List<String> detect() {
        if (run(List.of("docker", "compose", "version"), null, 20).exit() == 0) {
            return List.of("docker", "compose");
        }
        if (run(List.of("docker-compose", "version"), null, 20).exit() == 0) {
            return List.of("docker-compose");
        }
        throw new StackException(
                "neither `docker compose` nor `docker-compose` is installed: install the Compose "
                        + "plugin (or Debian's docker-compose), or use --runtime native",
                StackException.EXIT_UNSUPPORTED);
    }

    /** Runs a compose subcommand with the given profiles; fails with its last output lines. */
    public Result compose(List<String> profiles, String... args) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(
                "-p",
                ComposeFile.PROJECT,
                "-f",
                projectDir.resolve(ComposeProject.COMPOSE_FILE).toString()));
        profiles.forEach(p -> command.addAll(List.of("--profile", p)));
        command.addAll(List.of(args));
        Result result = run(command, projectDir, 1800);
        if (result.exit() != 0) {
            throw new StackException(
                    "`" + String.join(" ", compose) + " " + String.join(" ", args) + "` failed (exit " + result.exit()
                            + "); see the lines below",
                    StackException.EXIT_FAILED,
                    result.lastLines(15),
                    null);
        }
        return result;
    }

    /** Runs {@code docker <args>}; the caller reads the exit code. */
    public Result docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return run(command, projectDir, 300);
    }

    /** Output (stdout and stderr merged) and exit code of a finished command. */
    public record Result(int exit, String output) {
        public List<String> lastLines(int n) {
            List<String> lines = output.lines().toList();
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        }
    }

    static Result run(List<String> command, Path dir, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(124, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, command.getFirst() + ": " + e.getMessage()); // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }
}
