package io.devstack.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.infra.model.VaultLayout;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The database users the APIs log in with (Vault's {@code secret/postgres} and {@code secret/mysql}) own their
 * database and nothing more: no superuser, no role or database creation, no global MariaDB privilege. The
 * superusers are other accounts, in secrets no API may read.
 */
@Order(StackClients.AFTER_OWN_STACK_TESTS)
class DatabaseUsersTest {

    @Test
    void theApisPostgresUserIsNotASuperuserButOwnsItsDatabase() throws Exception {
        try (Connection c = StackClients.postgres(StackClients.secret("postgres"));
                Statement s = c.createStatement()) {
            ResultSet role = s.executeQuery(
                    "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
            assertThat(role.next()).isTrue();
            assertThat(List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3)))
                    .as("rolsuper, rolcreaterole, rolcreatedb of the APIs' user")
                    .containsOnly(false);
            s.execute("CREATE TABLE IF NOT EXISTS devstack_users_probe (id int)");
            s.execute("INSERT INTO devstack_users_probe VALUES (1)");
            s.execute("DROP TABLE devstack_users_probe");
            assertThatThrownBy(() -> s.execute("CREATE DATABASE devstack_users_probe"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("CREATE ROLE devstack_users_probe"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        Map<String, String> admin = new HashMap<>(StackClients.secret(VaultLayout.POSTGRES_ADMIN));
        admin.put("database", "postgres");
        try (Connection c = StackClients.postgres(admin);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1))
                    .as("secret/postgres-admin is the superuser")
                    .isTrue();
        }
    }

    @Test
    void theApisMariaDbUserHasNoGlobalPrivilege() throws Exception {
        List<String> grants = new ArrayList<>();
        try (Connection c = StackClients.mariadb(StackClients.secret("mysql"));
                ResultSet rs = c.createStatement().executeQuery("SHOW GRANTS FOR CURRENT_USER")) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
        }
        assertThat(grants).anyMatch(g -> g.contains("ON `dev_database`.*"));
        assertThat(grants)
                .filteredOn(g -> g.contains(" ON *.* "))
                .as("global grants of the APIs' MariaDB user")
                .allMatch(g -> g.startsWith("GRANT USAGE ON *.* "));
    }
}
