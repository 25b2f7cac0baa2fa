package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.model.StackServices;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's pure parts: ports from the contract order, and the environment of docs/api-contract.md. */
class ApiLauncherTest {

    @TempDir
    Path home;

    @Test
    void everyModuleGetsItsContractPorts() {
        ProcessSupervisor supervisor = new ProcessSupervisor(new DevstackHome(home));
        List<String> addresses = StackServices.apis().stream()
                .map(api -> new ApiLauncher(supervisor, api).address())
                .toList();
        assertThat(addresses)
                .containsExactly(
                        "http://127.0.0.1:8000",
                        "http://127.0.0.1:8001",
                        "http://127.0.0.1:8002",
                        "http://127.0.0.1:8003",
                        "http://127.0.0.1:8004");
    }

    @Test
    void aServiceThatIsNoApiIsRefused() {
        ProcessSupervisor supervisor = new ProcessSupervisor(new DevstackHome(home));
        assertThatThrownBy(() -> new ApiLauncher(supervisor, StackServices.require("postgres")))
                .hasMessageContaining("postgres is not a reference API");
    }

    @Test
    void theEnvironmentIsExactlyApiMdsVariablesPointingAtTheNativeStack() {
        var env = ApiEnvironment.forModule(new DevstackHome(home), "api-vertx");
        assertThat(env.keySet())
                .containsExactly(
                        "VAULT_ADDR",
                        "VAULT_APPROLE_DIR",
                        "POSTGRES_HOST",
                        "POSTGRES_PORT",
                        "MYSQL_HOST",
                        "MYSQL_PORT",
                        "MONGODB_HOST",
                        "MONGODB_PORT",
                        "REDIS_NODES",
                        "RABBITMQ_HOST",
                        "RABBITMQ_PORT",
                        "BACKEND_TIMEOUT_MS");
        assertThat(env.get("VAULT_APPROLE_DIR"))
                .isEqualTo(home.resolve("approle/api-vertx").toString());
        assertThat(env.get("REDIS_NODES"))
                .isEqualTo("redis-1=127.0.0.1:6379,redis-2=127.0.0.1:6380,redis-3=127.0.0.1:6381");
    }
}
