package io.devstack.common.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.devstack.common.vault.CredentialedClient;
import io.devstack.common.vault.VaultSecrets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A HikariCP pool of at most five JDBC connections built from Vault secret {@code <name> {user, password, database}}
 * and rebuilt when the server rejects the password ({@link CredentialedClient}). The driver part (URL, driver
 * properties) comes from the client; the pool's sizes and timeouts are the same for every database.
 */
public final class JdbcPool implements AutoCloseable {

    /** The driver's part of a pool: its JDBC URL and properties, from the secret and the backend deadline. */
    @FunctionalInterface
    public interface Driver {
        void configure(HikariConfig config, Map<String, Object> secret, long timeoutMillis);
    }

    private static final int MAX_CONNECTIONS = 5;
    private static final long SHORTEST_TIMEOUT_MILLIS = 250;

    private final CredentialedClient<HikariDataSource> pool;

    public JdbcPool(
            String secretName,
            VaultSecrets secrets,
            Duration timeout,
            Predicate<Throwable> rejectedCredentials,
            Driver driver) {
        this.pool = new CredentialedClient<>(
                secretName,
                secrets,
                secret -> create(secretName, secret, timeout, driver),
                rejectedCredentials,
                p -> !p.isClosed(),
                HikariDataSource::close);
    }

    /** The first column of the first row of {@code sql}, as {@code type}; null when there is no row. */
    public <T> T queryOne(String sql, Class<T> type) throws Exception {
        return pool.use(dataSource -> firstValue(dataSource, sql, type));
    }

    /**
     * A pooled connection the server has ended (a restart, {@code pg_terminate_backend}) fails its first use when
     * it was used less than half a second ago (Hikari validates only idle ones); Hikari then drops it as broken. The
     * query moves on to the next connection, at most once per pooled one, as the former r2dbc pool's acquire retry
     * did. A failure on a healthy connection, or to get one at all, is the caller's.
     */
    private static <T> T firstValue(HikariDataSource dataSource, String sql, Class<T> type) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(sql)) {
                    return rows.next() ? rows.getObject(1, type) : null;
                } catch (SQLException e) {
                    if (attempt >= MAX_CONNECTIONS || !connection.isClosed()) {
                        throw e;
                    }
                }
            }
        }
    }

    private static HikariDataSource create(String name, Map<String, Object> secret, Duration timeout, Driver driver) {
        long millis = Math.max(SHORTEST_TIMEOUT_MILLIS, timeout.toMillis());
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setUsername(String.valueOf(secret.get("user")));
        config.setPassword(String.valueOf(secret.get("password")));
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(0);
        // a third of the deadline: when new connections are refused (rotated password) Hikari waits this long
        // before reporting why, and the caller still needs time to re-read Vault, rebuild and retry
        config.setConnectionTimeout(Math.max(SHORTEST_TIMEOUT_MILLIS, millis / 3));
        config.setValidationTimeout(Math.max(SHORTEST_TIMEOUT_MILLIS, millis / 2));
        // build the pool without connecting: a server that is down at startup must not stop the API
        config.setInitializationFailTimeout(-1);
        driver.configure(config, secret, millis);
        return new HikariDataSource(config);
    }

    /** SQLSTATE class 28, invalid authorization (28000 access denied, 28P01 wrong password), on this throwable. */
    public static boolean invalidAuthorization(Throwable failure) {
        return failure instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("28");
    }

    @Override
    public void close() {
        pool.close();
    }
}
