package io.devstack.common.service;

import static io.devstack.common.service.ApiServicesIntegrationTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.HostPort;
import io.devstack.common.stack.StackFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password rotated for real (in the database, then in Vault) is picked up by the running API on its next call:
 * the backend rejects the old password, the client invalidates the cached secret, re-reads Vault, rebuilds its
 * pool and retries. The original passwords are restored afterwards.
 */
class CredentialRotationIntegrationTest {

    private ApiServices services;

    @BeforeEach
    void start() {
        services = StackFixture.startServices(ApiModule.MICRONAUT);
    }

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aRotatedPostgresPasswordIsPickedUpWithoutARestart() throws Exception {
        assertThat(call(services.databases()::postgres).get("result").asText()).endsWith("Z");
        Map<String, Object> original = StackFixture.readSecret("postgres");
        String rotated = "rotated-" + UUID.randomUUID();
        try {
            setPostgresPassword(original, String.valueOf(original.get("password")), rotated);
            StackFixture.writeSecret("postgres", with(original, "password", rotated));
            terminatePostgresSessions(original, rotated);

            assertThat(call(services.databases()::postgres).get("result").asText())
                    .endsWith("Z");
            assertThat(services.secrets().read("postgres").get("password")).isEqualTo(rotated);
        } finally {
            setPostgresPassword(original, rotated, String.valueOf(original.get("password")));
            StackFixture.writeSecret("postgres", original);
        }
        // and back: the restored password is picked up the same way
        terminatePostgresSessions(original, String.valueOf(original.get("password")));
        assertThat(call(services.databases()::postgres).get("result").asText()).endsWith("Z");
    }

    @Test
    void aRotatedMysqlPasswordIsPickedUpWithoutARestart() throws Exception {
        assertThat(call(services.databases()::mysql).get("result").asText()).isNotBlank();
        Map<String, Object> original = StackFixture.readSecret("mysql");
        String rotated = "rotated-" + UUID.randomUUID();
        try {
            setMysqlPassword(original, rotated);
            StackFixture.writeSecret("mysql", with(original, "password", rotated));

            assertThat(call(services.databases()::mysql).get("result").asText()).isNotBlank();
            assertThat(services.secrets().read("mysql").get("password")).isEqualTo(rotated);
        } finally {
            setMysqlPassword(original, String.valueOf(original.get("password")));
            StackFixture.writeSecret("mysql", original);
        }
    }

    private void setPostgresPassword(Map<String, Object> secret, String current, String next) throws Exception {
        try (Connection admin = postgres(secret, current);
                Statement statement = admin.createStatement()) {
            // ALTER ROLE takes no bind parameters; the value is generated here, never user input
            statement.execute("ALTER ROLE \"" + secret.get("user") + "\" PASSWORD '" + next.replace("'", "''") + "'");
        }
    }

    /** Connections opened with the old password stay open after a change; end them so the next call must log in. */
    private void terminatePostgresSessions(Map<String, Object> secret, String password) throws Exception {
        try (Connection admin = postgres(secret, password);
                PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(pid) "
                        + "FROM pg_stat_activity "
                        + "WHERE application_name = 'devstack-api' AND pid <> pg_backend_pid()")) {
            statement.execute();
        }
        Thread.sleep(200);
    }

    private Connection postgres(Map<String, Object> secret, String password) throws Exception {
        HostPort address = services.settings().postgres();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + address + "/" + secret.get("database"),
                String.valueOf(secret.get("user")),
                password);
    }

    /** As MariaDB's root (secret/mysql-root): new password for every host entry, then end the user's sessions. */
    private void setMysqlPassword(Map<String, Object> secret, String next) throws Exception {
        HostPort address = services.settings().mysql();
        try (Connection root = DriverManager.getConnection(
                        "jdbc:mariadb://" + address + "/",
                        "root",
                        String.valueOf(StackFixture.readSecret("mysql-root").get("password")));
                Statement statement = root.createStatement()) {
            String user = String.valueOf(secret.get("user")).replace("'", "''");
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                statement.execute(
                        "ALTER USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + next.replace("'", "''") + "'");
            }
            statement.execute("KILL USER '" + user + "'");
        }
        // past HikariCP's 500 ms "recently used, skip the liveness check" window
        Thread.sleep(700);
    }

    private static Map<String, Object> with(Map<String, Object> secret, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(secret);
        copy.put(field, value);
        return copy;
    }
}
