package io.devstack.common.postgres;

import io.devstack.common.HostPort;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.vault.CredentialedClient;
import io.devstack.common.vault.VaultSecrets;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL through an r2dbc connection pool built from Vault secret {@code postgres {user, password, database}}
 * and rebuilt when the server rejects the password. Blocking; every operation runs under the backend guard
 * ({@link BackendCalls}: deadline, circuit breaker, timing).
 */
public final class PostgresClient implements AutoCloseable {

    public static final String SECRET = "postgres";
    /** The example query of {@code /examples/database/postgres/query}. */
    public static final String CURRENT_TIMESTAMP = "SELECT current_timestamp";

    private static final String VERSION = "SELECT version()";
    private static final int MAX_CONNECTIONS = 5;

    private final BackendCalls calls;
    private final Duration timeout;
    private final CredentialedClient<ConnectionPool> pool;

    public PostgresClient(HostPort address, VaultSecrets secrets, BackendCalls calls) {
        this.calls = calls;
        this.timeout = calls.timeout();
        this.pool = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> createPool(address, secret, timeout),
                PostgresClient::rejectedCredentials,
                p -> !p.isDisposed(),
                ConnectionPool::dispose);
    }

    /** {@value #CURRENT_TIMESTAMP} as the server sees it. */
    public OffsetDateTime currentTimestamp() {
        return calls.call(Backend.POSTGRES, "query", () -> queryOne(CURRENT_TIMESTAMP, OffsetDateTime.class));
    }

    /** The health probe: {@code SELECT version()}, the full server banner, bounded by the deadline only. */
    public String version() {
        return calls.probe(Backend.POSTGRES, "health", () -> queryOne(VERSION, String.class));
    }

    /** Opens the pool and runs one query without the deadline (startup warm-up). */
    public void warmUp() throws Exception {
        queryOne(VERSION, String.class);
    }

    private <T> T queryOne(String sql, Class<T> type) throws Exception {
        return pool.use(p -> Mono.usingWhen(p.create(), c -> firstValue(c, sql, type), Connection::close)
                .block(timeout));
    }

    private static <T> Mono<T> firstValue(Connection connection, String sql, Class<T> type) {
        return Mono.from(connection.createStatement(sql).execute())
                .flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, type))));
    }

    private static ConnectionPool createPool(HostPort address, Map<String, Object> secret, Duration timeout) {
        PostgresqlConnectionConfiguration configuration = PostgresqlConnectionConfiguration.builder()
                .host(address.host())
                .port(address.port())
                .username(String.valueOf(secret.get("user")))
                .password(String.valueOf(secret.get("password")))
                .database(String.valueOf(secret.get("database")))
                .applicationName("devstack-api")
                .connectTimeout(timeout)
                .statementTimeout(timeout)
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(configuration))
                .name("postgres")
                .initialSize(0)
                .maxSize(MAX_CONNECTIONS)
                // a connection the server has terminated fails validation; retry past every pooled one
                .acquireRetry(MAX_CONNECTIONS)
                .maxIdleTime(Duration.ofMinutes(10))
                .maxAcquireTime(timeout)
                .maxCreateConnectionTime(timeout)
                // check with the server before handing a pooled connection out
                .validationDepth(ValidationDepth.REMOTE)
                .build());
    }

    /** SQLSTATE class 28: invalid authorization (28P01 wrong password, 28000 unknown role). */
    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(
                failure,
                t -> t instanceof R2dbcPermissionDeniedException
                        || (t instanceof R2dbcException r2dbc
                                && r2dbc.getSqlState() != null
                                && r2dbc.getSqlState().startsWith("28")));
    }

    @Override
    public void close() {
        pool.close();
    }
}
