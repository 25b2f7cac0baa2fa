package io.devstack.common.postgres;

import io.devstack.common.HostPort;
import io.devstack.common.jdbc.JdbcPool;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.vault.VaultSecrets;
import java.time.OffsetDateTime;

/**
 * PostgreSQL through a {@link JdbcPool} of pgjdbc connections built from Vault secret
 * {@code postgres {user, password, database}} and rebuilt when the server rejects the password. Every operation runs
 * under the backend guard ({@link BackendCalls}: deadline, circuit breaker, timing).
 */
public final class PostgresClient implements AutoCloseable {

    public static final String SECRET = "postgres";
    /** The example query of {@code /examples/database/postgres/query}. */
    public static final String CURRENT_TIMESTAMP = "SELECT current_timestamp";

    private static final String VERSION = "SELECT version()";

    private final BackendCalls calls;
    private final JdbcPool pool;

    public PostgresClient(HostPort address, VaultSecrets secrets, BackendCalls calls) {
        this.calls = calls;
        this.pool = new JdbcPool(
                SECRET, secrets, calls.timeout(), PostgresClient::rejectedCredentials, (config, secret, millis) -> {
                    config.setJdbcUrl("jdbc:postgresql://" + address.host() + ":" + address.port() + "/"
                            + secret.get("database"));
                    // pgjdbc counts its socket timeouts in whole seconds; the server's statement_timeout in ms
                    String seconds = Long.toString(Math.ceilDiv(millis, 1000));
                    config.addDataSourceProperty("ApplicationName", "devstack-api");
                    config.addDataSourceProperty("connectTimeout", seconds);
                    config.addDataSourceProperty("socketTimeout", seconds);
                    config.addDataSourceProperty("options", "-c statement_timeout=" + millis);
                });
    }

    /** {@value #CURRENT_TIMESTAMP} as the server sees it. */
    public OffsetDateTime currentTimestamp() {
        return calls.call(Backend.POSTGRES, "query", () -> pool.queryOne(CURRENT_TIMESTAMP, OffsetDateTime.class));
    }

    /** The health probe: {@code SELECT version()}, the full server banner, bounded by the deadline only. */
    public String version() {
        return calls.probe(Backend.POSTGRES, "health", () -> pool.queryOne(VERSION, String.class));
    }

    /** Opens the pool and runs one query without the deadline (startup warm-up). */
    public void warmUp() throws Exception {
        pool.queryOne(VERSION, String.class);
    }

    /** SQLSTATE class 28: invalid authorization (28P01 wrong password, 28000 unknown role). */
    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(failure, JdbcPool::invalidAuthorization);
    }

    @Override
    public void close() {
        pool.close();
    }
}
