package io.devstack.common.postgres;

import io.devstack.common.HostPort;
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
 * and rebuilt when the server rejects the password. Blocking calls bounded by the backend timeout.
 */
public final class PostgresClient implements AutoCloseable {

    public static final String SECRET = "postgres";
    private static final int MAX_CONNECTIONS = 5;

    private final Duration timeout;
    private final CredentialedClient<ConnectionPool> pool;

    public PostgresClient(HostPort address, VaultSecrets secrets, Duration timeout) {
        this.timeout = timeout;
        this.pool = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> createPool(address, secret, timeout),
                PostgresClient::rejectedCredentials,
                p -> !p.isDisposed(),
                ConnectionPool::dispose);
    }

    /** {@code SELECT version()}, the full server banner. */
    public String version() throws Exception {
        return queryOne("SELECT version()", String.class);
    }

    /** {@code SELECT current_timestamp} as the server sees it. */
    public OffsetDateTime currentTimestamp() throws Exception {
        return queryOne("SELECT current_timestamp", OffsetDateTime.class);
    }

    private <T> T queryOne(String sql, Class<T> type) throws Exception {
        return pool.use(p -> Mono.usingWhen(
                        p.create(),
                        (Connection c) -> Mono.from(c.createStatement(sql).execute())
                                .flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, type)))),
                        Connection::close)
                .block(timeout));
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
