package io.devstack.common.mysql;

import io.devstack.common.HostPort;
import io.devstack.common.jdbc.JdbcPool;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.vault.VaultSecrets;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * MySQL/MariaDB through a {@link JdbcPool} of mariadb-java-client connections built from Vault secret
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
    private final JdbcPool pool;

    public MysqlClient(HostPort address, VaultSecrets secrets, BackendCalls calls) {
        this.calls = calls;
        this.pool = new JdbcPool(
                SECRET, secrets, calls.timeout(), MysqlClient::rejectedCredentials, (config, secret, millis) -> {
                    config.setJdbcUrl("jdbc:mariadb://" + address.host() + ":" + address.port() + "/"
                            + secret.get("database") + "?connectTimeout=" + millis + "&socketTimeout=" + millis);
                    config.setConnectionInitSql("SET time_zone = '+00:00'");
                });
    }

    /** {@value #NOW} in the session time zone, UTC. */
    public LocalDateTime now() {
        return calls.call(Backend.MYSQL, "query", () -> pool.queryOne(NOW, LocalDateTime.class));
    }

    /** The health probe: {@code SELECT VERSION()}, bounded by the deadline only. */
    public String version() {
        return calls.probe(Backend.MYSQL, "health", () -> pool.queryOne(VERSION, String.class));
    }

    /** Opens the pool and runs one query without the deadline (startup warm-up). */
    public void warmUp() throws Exception {
        pool.queryOne(VERSION, String.class);
    }

    /** Error 1045 / SQLSTATE 28000: access denied for the user and password. */
    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(
                failure,
                t -> JdbcPool.invalidAuthorization(t)
                        || (t instanceof SQLException sql && sql.getErrorCode() == ACCESS_DENIED));
    }

    @Override
    public void close() {
        pool.close();
    }
}
