package io.devstack.infra.ops;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.local.PostgresLauncher;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * {@code devstack shell <service>}: that server's own client, logged in with Vault's credentials, with this
 * terminal's stdin/stdout (so {@code echo 'SELECT 1' | devstack shell postgres} works). Passwords go through the
 * client's environment variable or a 0600 option file, never its command line (visible to every user in ps).
 */
public final class ServiceShell {

    public static final List<String> SERVICES = List.of("postgres", "mysql", "redis", "mongodb");

    private final LocalRuntime runtime;

    public ServiceShell(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** Runs the client until it exits; returns its exit code. */
    public int run(String service, List<String> extraArguments) throws IOException, InterruptedException {
        String name = service.startsWith("redis") ? "redis" : service;
        if (!SERVICES.contains(name)) {
            throw new StackException(
                    "no shell for '" + service + "' — choose one of " + String.join(", ", SERVICES)
                            + (service.equals("rabbitmq")
                                    ? " (AMQP has no interactive client; use ./devstack health)"
                                    : ""),
                    StackException.EXIT_FAILED);
        }
        Map<String, String> secret = runtime.runningVault(Progress.SILENT)
                .admin()
                .readSecret(
                        name.equals("redis") ? StackServices.redisNodeNames().getFirst() : name);
        DevstackHome home = runtime.home();
        Path optionFile = null;
        ProcessBuilder builder;
        switch (name) {
            case "postgres" -> {
                builder = new ProcessBuilder(concat(
                        List.of(
                                onPath("psql", "postgresql-client").toString(),
                                "-h",
                                "127.0.0.1",
                                "-p",
                                Integer.toString(PostgresLauncher.PORT),
                                "-U",
                                secret.get("user"),
                                "-d",
                                secret.getOrDefault("database", "dev_database")),
                        extraArguments));
                builder.environment().put("PGPASSWORD", secret.get("password"));
            }
            case "mysql" -> {
                optionFile = home.runDir()
                        .resolve("mysql-shell-" + ProcessHandle.current().pid() + ".cnf");
                DevstackHome.writePrivateFile(
                        optionFile,
                        MariaDbBackup.clientOptions(
                                secret.get("user"),
                                secret.get("password"),
                                secret.getOrDefault("database", "dev_database")));
                builder = new ProcessBuilder(concat(
                        List.of(
                                MariaDbBackup.binary(home, "mariadb").toString(),
                                "--defaults-extra-file=" + optionFile),
                        extraArguments));
            }
            case "redis" -> {
                builder = new ProcessBuilder(concat(
                        List.of(
                                onPath("redis-cli", "redis-tools").toString(),
                                "-c",
                                "-h",
                                "127.0.0.1",
                                "-p",
                                Integer.toString(
                                        StackServices.redisNodes().getFirst().mainPort())),
                        extraArguments));
                builder.environment().put("REDISCLI_AUTH", secret.get("password"));
            }
            default ->
                throw new StackException(
                        "mongodb: no Mongo shell ships with the stack, and mongosh cannot take "
                                + "a password except on its command line — install mongosh and run: mongosh 'mongodb://"
                                + secret.get("user") + "@127.0.0.1:27017/"
                                + secret.getOrDefault("database", "dev_database")
                                + "?authSource=admin' (it prompts; ./devstack vault show-password mongodb)",
                        StackException.EXIT_UNSUPPORTED);
        }
        // Ctrl-C belongs to the client (psql cancels the query): this JVM must not exit under it and leave the
        // client behind on the terminal, nor skip deleting the option file
        Signal.handle(new Signal("INT"), signal -> {});
        try {
            return builder.inheritIO().start().waitFor();
        } finally {
            if (optionFile != null) {
                Files.deleteIfExists(optionFile);
            }
        }
    }

    private static Path onPath(String program, String debianPackage) {
        Optional<Path> found = Arrays.stream(
                        System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new StackException(
                program + " is not installed and does not ship with the "
                        + "stack's binaries — install it (Debian/Ubuntu: apt-get install " + debianPackage
                        + "; macOS: brew "
                        + "install " + (program.equals("psql") ? "libpq" : "redis") + ")",
                StackException.EXIT_UNSUPPORTED));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
