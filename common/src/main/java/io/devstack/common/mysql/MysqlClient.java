package io.devstack.common.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.devstack.common.HostPort;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.vault.CredentialedClient;
import io.devstack.common.vault.VaultSecrets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * MySQL/MariaDB through a HikariCP pool of mariadb-java-client connections built from Vault secret
 * {@code mysql {user, password, database}}, session time zone UTC, rebuilt when the server rejects the password.
 * Every operation runs under the backend guard ({@link BackendCalls}: deadline, circuit breaker, timing).
 */
public final class MysqlClient implements AutoCloseable {

    public static final String SECRET = "mysql";
    /** The example query of {@code /examples/database/mysql/query}. */
    public static final String NOW = "SELECT NOW()";

    private static final String VERSION = "SELECT VERSION()";
    private static final int ACCESS_DENIED = 1045;

    private final BackendCalls calls;
    private final CredentialedClient<HikariDataSource> pool;

    public MysqlClient(HostPort address, VaultSecrets secrets, BackendCalls calls) {
        this.calls = calls;
        this.pool = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> createPool(address, secret, calls.timeout()),
                MysqlClient::rejectedCredentials,
                p -> !p.isClosed(),
                HikariDataSource::close);
    }

    /** {@value #NOW} in the session time zone, UTC. */
    public LocalDateTime now() {
        return calls.call(Backend.MYSQL, "query", () -> queryOne(NOW, LocalDateTime.class));
    }

    /** The health probe: {@code SELECT VERSION()}, bounded by the deadline only. */
    public String version() {
        return calls.probe(Backend.MYSQL, "health", () -> queryOne(VERSION, String.class));
    }

    /** Opens the pool and runs one query without the deadline (startup warm-up). */
    public void warmUp() throws Exception {
        queryOne(VERSION, String.class);
    }

    private <T> T queryOne(String sql, Class<T> type) throws Exception {
        return pool.use(dataSource -> firstValue(dataSource, sql, type));
    }

    private static <T> T firstValue(HikariDataSource dataSource, String sql, Class<T> type) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1, type);
        }
    }

    private static HikariDataSource createPool(HostPort address, Map<String, Object> secret, Duration timeout) {
        long millis = Math.max(250, timeout.toMillis());
        HikariConfig config = new HikariConfig();
        config.setPoolName("mysql");
        config.setJdbcUrl("jdbc:mariadb://" + address.host() + ":" + address.port() + "/" + secret.get("database")
                + "?connectTimeout=" + millis + "&socketTimeout=" + millis);
        config.setUsername(String.valueOf(secret.get("user")));
        config.setPassword(String.valueOf(secret.get("password")));
        config.setConnectionInitSql("SET time_zone = '+00:00'");
        config.setMaximumPoolSize(5);
        config.setMinimumIdle(0);
        // a third of the deadline: when new connections are refused (rotated password) Hikari waits this long
        // before reporting why, and the caller still needs time to re-read Vault, rebuild and retry
        config.setConnectionTimeout(Math.max(250, millis / 3));
        config.setValidationTimeout(Math.max(250, millis / 2));
        // build the pool without connecting: a server that is down at startup must not stop the API
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Error 1045 / SQLSTATE 28000: access denied for the user and password. */
    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(
                failure,
                t -> t instanceof SQLException sql
                        && (sql.getErrorCode() == ACCESS_DENIED || "28000".equals(sql.getSQLState())));
    }

    @Override
    public void close() {
        pool.close();
    }
}
