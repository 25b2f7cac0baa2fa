package io.devstack.infra.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultLayoutTest {

    private final VaultLayout layout = VaultLayout.standard();

    @Test
    void secretsFollowTheContractLayoutInOrder() {
        assertThat(layout.secrets())
                .extracting(SecretSpec::name)
                .containsExactly(
                        "postgres",
                        "postgres-admin",
                        "mysql",
                        "mysql-root",
                        "mongodb",
                        "redis-1",
                        "redis-2",
                        "redis-3",
                        "rabbitmq",
                        "forgejo");
        assertThat(layout.secret("postgres").orElseThrow().fields())
                .containsExactly(
                        entry("user", new SecretField.Fixed("dev_admin")),
                                entry("password", new SecretField.Password(null)),
                        entry("database", new SecretField.Fixed("dev_database")),
                                entry("tls_enabled", new SecretField.Flag(false)));
        assertThat(layout.secret("mysql").orElseThrow().fields().keySet())
                .containsExactly("user", "password", "database", "tls_enabled");
        assertThat(layout.secret("mysql-root").orElseThrow().fields())
                .containsEntry("user", new SecretField.Fixed("root"))
                .containsEntry("password", new SecretField.Password(null));
        assertThat(layout.secret("mongodb").orElseThrow().fields().get("user"))
                .isEqualTo(new SecretField.Fixed("dev_user"));
        assertThat(layout.secret("rabbitmq").orElseThrow().fields().get("vhost"))
                .isEqualTo(new SecretField.Fixed("dev_vhost"));
        assertThat(layout.secret("forgejo").orElseThrow().fields())
                .containsEntry("admin_user", new SecretField.Fixed("devstack-admin"))
                .containsEntry("admin_email", new SecretField.Fixed("admin@devstack.local"));
        assertThat(layout.secrets())
                .allSatisfy(secret ->
                        assertThat(secret.fields()).containsEntry("tls_enabled", new SecretField.Flag(false)));
    }

    @Test
    void redisNodesShareOnePassword() {
        assertThat(List.of("redis-1", "redis-2", "redis-3"))
                .allSatisfy(node -> assertThat(
                                layout.secret(node).orElseThrow().fields().get("password"))
                        .isEqualTo(new SecretField.Password("redis")));
    }

    @Test
    void everyVaultClientOfTheStackHasItsOwnRole() {
        assertThat(layout.clients())
                .extracting(AppRoleSpec::name)
                .containsExactly(
                        "postgres",
                        "pgbouncer",
                        "mysql",
                        "mongodb",
                        "redis-1",
                        "redis-2",
                        "redis-3",
                        "rabbitmq",
                        "forgejo",
                        "redis-exporter-1",
                        "redis-exporter-2",
                        "redis-exporter-3",
                        "vector",
                        "api-spring",
                        "api-micronaut",
                        "api-helidon",
                        "api-vertx",
                        "api-javalin");
    }

    @Test
    void clientsReadOnlyWhatTheyNeed() {
        assertThat(readable("pgbouncer")).containsExactly("postgres");
        // MariaDB's root password: the server's own init only, never an API or vector
        assertThat(layout.clients())
                .filteredOn(c -> c.readableSecrets().contains("mysql-root"))
                .extracting(AppRoleSpec::name)
                .containsExactly("mysql");
        // PostgreSQL's superuser likewise: the server's own init only
        assertThat(layout.clients())
                .filteredOn(c -> c.readableSecrets().contains("postgres-admin"))
                .extracting(AppRoleSpec::name)
                .containsExactly("postgres");
        assertThat(readable("forgejo")).containsExactlyInAnyOrder("forgejo", "postgres");
        assertThat(readable("redis-exporter-2")).containsExactly("redis-2");
        assertThat(readable("vector")).containsExactlyInAnyOrder("postgres", "mysql", "mongodb", "redis-1");
        for (String api : StackServices.apiNames()) {
            assertThat(readable(api))
                    .containsExactlyInAnyOrder(
                            "postgres", "mysql", "mongodb", "redis-1", "redis-2", "redis-3", "rabbitmq");
        }
    }

    @Test
    void eachClientMayIssueFromItsOwnPkiRoleOnly() {
        AppRoleSpec client = layout.client("api-javalin").orElseThrow();
        assertThat(client.pkiIssuePath()).isEqualTo("pki_int/issue/api-javalin-role");
        assertThat(client.policyName()).isEqualTo("api-javalin-policy");
    }

    @Test
    void aClientCannotBeGrantedASecretTheLayoutDoesNotHave() {
        assertThatThrownBy(() -> new VaultLayout(List.of(), List.of(new AppRoleSpec("x", List.of("ghost")))))
                .hasMessage("x reads unknown secret ghost");
    }

    private List<String> readable(String client) {
        return layout.client(client).orElseThrow().readableSecrets();
    }

    private static Map.Entry<String, SecretField> entry(String key, SecretField value) {
        return Map.entry(key, value);
    }
}
