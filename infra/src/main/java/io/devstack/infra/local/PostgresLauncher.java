package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 17 from zonky's binaries jar. Superuser {@code postgres} (secret/postgres-admin) and the APIs' user
 * {@code dev_admin} (secret/postgres, no SUPERUSER/CREATEROLE/CREATEDB) with Vault's passwords, scram-sha-256
 * everywhere (no {@code trust} line at all), database {@code dev_database}. The password is (re)applied in
 * single-user mode before every start, so a password rotated in Vault is picked up by the next {@code up}.
 */
public final class PostgresLauncher implements BackendLauncher {

    public static final String SERVICE = "postgres";
    public static final int PORT = 5432;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;

    public PostgresLauncher(ProcessSupervisor supervisor) {
        this.supervisor = supervisor;
        this.home = supervisor.home();
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public List<Integer> ports() {
        return List.of(PORT);
    }

    @Override
    public StopSignal stopSignal() {
        return StopSignal.INT;
    }

    @Override
    public String credentialsHint() {
        return "./devstack vault show-password postgres (user dev_admin)";
    }

    @Override
    public void start(SecretSource secrets, Progress progress) {
        Map<String, String> secret = secrets.read(SERVICE);
        String user = secrets.field(SERVICE, "user");
        String password = secrets.field(SERVICE, "password");
        String admin = secrets.field(VaultLayout.POSTGRES_ADMIN, "user");
        String adminPassword = secrets.field(VaultLayout.POSTGRES_ADMIN, "password");
        String database = secret.getOrDefault("database", "dev_database");
        Path bin = BinaryUnpacker.unpackTxz(
                        "postgres-linux-x86_64.txz",
                        home.binRoot().resolve("postgres-" + BinaryVersions.of("postgres")),
                        "PostgreSQL binaries",
                        progress)
                .resolve("bin");
        Path data = home.dataDir(SERVICE);
        if (!DataFolders.isInitialised(data, "PG_VERSION")) {
            progress.step("postgres: creating the database cluster (first run only)");
            DataFolders.initialise(SERVICE, data, "PG_VERSION", scratch -> initdb(bin, scratch, admin, adminPassword));
        }
        applyRoles(bin, data, roleSql(admin, adminPassword, user, password));
        List<String> command = new ArrayList<>(Unprivileged.prefix());
        command.addAll(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "port=" + PORT,
                "-c",
                "unix_socket_directories=" + socketDir(),
                "-c",
                "shared_buffers=32MB",
                "-c",
                "max_connections=100",
                "-c",
                "password_encryption=scram-sha-256",
                "-c",
                "logging_collector=off",
                "-c",
                "log_min_messages=warning"));
        progress.step("postgres: starting on 127.0.0.1:" + PORT);
        supervisor.start(SERVICE, command, Map.of("LC_ALL", "C"), data);
        Readiness.await(supervisor, SERVICE, READY_TIMEOUT, () -> probe(user, password, "postgres"));
        ensureDatabase(admin, adminPassword, user, database);
        Readiness.await(supervisor, SERVICE, READY_TIMEOUT, () -> probe(secrets));
    }

    @Override
    public String probe(SecretSource secrets) throws SQLException {
        return probe(
                secrets.field(SERVICE, "user"),
                secrets.field(SERVICE, "password"),
                secrets.read(SERVICE).getOrDefault("database", "dev_database"));
    }

    private static String probe(String user, String password, String database) throws SQLException {
        try (Connection c = connect(user, password, database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1, current_setting('server_version')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(2) + ", SELECT 1 as " + user;
        }
    }

    private static Connection connect(String user, String password, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("socketTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/" + database, props);
    }

    /** As the superuser: the app user may not create databases. */
    private void ensureDatabase(String admin, String adminPassword, String user, String database) {
        try (Connection c = connect(admin, adminPassword, "postgres")) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                if (exists.executeQuery().next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\" OWNER \""
                        + user.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new ServiceStartException(
                    SERVICE,
                    "cannot create database " + database + ": " + e.getMessage(),
                    supervisor.lastLogLines(SERVICE, Readiness.LOG_LINES));
        }
    }

    private void initdb(Path bin, Path data, String user, String password) {
        Path pwfile = home.runDir().resolve("postgres.pw");
        DevstackHome.writePrivateFile(pwfile, password + "\n");
        try {
            List<String> command = new ArrayList<>(Unprivileged.prefix());
            command.addAll(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    user,
                    "--pwfile=" + pwfile,
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-instructions"));
            runToLog(command, "initdb", Duration.ofSeconds(120));
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException ignored) {
                // the file is 0600 inside a 0700 folder; best effort
            }
        }
    }

    /**
     * The statements single-user mode runs before every start, as the bootstrap superuser: the superuser and the app
     * user exist with Vault's passwords, and the app user has no SUPERUSER, CREATEROLE or CREATEDB. A cluster made
     * before the two were apart has the app user as its bootstrap superuser, which PostgreSQL cannot demote: it keeps
     * it (`down --volumes` makes a new cluster). One statement per line: single-user mode ends one at a newline.
     */
    static String roleSql(String admin, String adminPassword, String user, String password) {
        String a = identifier(admin);
        String u = identifier(user);
        return ensureRole(admin, a) + "ALTER ROLE " + a + " WITH SUPERUSER LOGIN PASSWORD " + literal(adminPassword)
                + ";\n" + ensureRole(user, u) + "ALTER ROLE " + u + " WITH LOGIN PASSWORD " + literal(password) + ";\n"
                + "DO $$BEGIN IF (SELECT oid FROM pg_roles WHERE rolname = " + literal(user)
                + ") <> 10 THEN ALTER ROLE "
                + u + " WITH NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS; END IF; END$$;\n";
    }

    private static String ensureRole(String name, String identifier) {
        return "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(name) + ") THEN CREATE ROLE "
                + identifier + " LOGIN; END IF; END$$;\n";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Single-user mode: no network, no trust rule; the server is not running yet. */
    private void applyRoles(Path bin, Path data, String sql) {
        if (supervisor.alive(SERVICE)) {
            return;
        }
        List<String> command = new ArrayList<>(Unprivileged.prefix());
        command.addAll(List.of(
                bin.resolve("postgres").toString(),
                "--single",
                "-D",
                data.toString(),
                // the statement carries the password: never echo it into the log, even on error
                "-c",
                "log_min_messages=fatal",
                "-c",
                "log_min_error_statement=panic",
                "-c",
                "log_statement=none",
                "-c",
                "unix_socket_directories=" + socketDir(),
                "postgres"));
        try {
            Files.createDirectories(home.logsDir());
            // stdout only echoes "backend>" prompts; errors (never the statement, see above) go to the log
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            home.logFile(SERVICE).toFile()))
                    .start();
            try (var stdin = p.getOutputStream()) {
                stdin.write(sql.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the server exited before reading (a damaged or foreign data folder): its exit and log say why
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ServiceStartException(
                        SERVICE,
                        "cannot apply the Vault password in single-user mode (is the data folder damaged, or is "
                                + "another PostgreSQL using " + data + "?)",
                        supervisor.lastLogLines(SERVICE, Readiness.LOG_LINES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException(SERVICE, "interrupted", List.of());
        }
    }

    private Path socketDir() {
        return DevstackHome.privateDirectory(home.runDir().resolve("postgres-socket"));
    }

    private void runToLog(List<String> command, String what, Duration timeout) {
        try {
            Files.createDirectories(home.logsDir());
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.logFile(SERVICE).toFile()))
                    .start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ServiceStartException(
                        SERVICE, what + " failed", supervisor.lastLogLines(SERVICE, Readiness.LOG_LINES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException(SERVICE, "interrupted during " + what, List.of());
        }
    }
}
