package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.model.StackServices;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment of docs/api-contract.md ("Configuration") that points one reference API at the native stack: the only
 * way an API learns where Vault and the backends are. Used to launch the APIs and by the test fixture.
 */
public final class ApiEnvironment {

    public static final String HOST = "127.0.0.1";
    /** The deadline the APIs give every backend call (docs/api-contract.md's default). */
    public static final String BACKEND_TIMEOUT_MS = "2000";

    private ApiEnvironment() {}

    /** VAULT_ADDR, the module's own AppRole folder, every backend's host and port, and the backend deadline. */
    public static Map<String, String> forModule(DevstackHome home, String module) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VAULT_ADDR", VaultLauncher.ADDRESS.toString());
        env.put("VAULT_APPROLE_DIR", home.approleDir(module).toString());
        env.put("POSTGRES_HOST", HOST);
        env.put("POSTGRES_PORT", Integer.toString(PostgresLauncher.PORT));
        env.put("MYSQL_HOST", HOST);
        env.put("MYSQL_PORT", Integer.toString(MariaDbLauncher.PORT));
        env.put("MONGODB_HOST", HOST);
        env.put("MONGODB_PORT", Integer.toString(MongoLauncher.PORT));
        env.put("REDIS_NODES", redisNodes());
        env.put("RABBITMQ_HOST", HOST);
        env.put("RABBITMQ_PORT", Integer.toString(AmqpLauncher.PORT));
        env.put("BACKEND_TIMEOUT_MS", BACKEND_TIMEOUT_MS);
        return env;
    }

    /** {@code redis-1=127.0.0.1:6379,redis-2=127.0.0.1:6380,redis-3=127.0.0.1:6381}. */
    public static String redisNodes() {
        return StackServices.redisNodes().stream()
                .map(node -> node.name() + "=" + HOST + ":" + node.mainPort())
                .collect(Collectors.joining(","));
    }
}
