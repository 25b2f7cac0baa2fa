package io.devstack.infra.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Vault holds for the stack: the KV secrets under {@code secret/} and every client with the secrets
 * it may read. Both runtimes bootstrap Vault from this one description, and the least-privilege test checks it.
 */
public record VaultLayout(List<SecretSpec> secrets, List<AppRoleSpec> clients) {

    /** PostgreSQL's superuser ({@code user}, {@code password}): readable by the postgres server's AppRole only. */
    public static final String POSTGRES_ADMIN = "postgres-admin";
    /** MariaDB's {@code root} account ({@code user}, {@code password}): readable by the mysql server's AppRole only. */
    public static final String MYSQL_ROOT = "mysql-root";

    public VaultLayout {
        secrets = List.copyOf(secrets);
        clients = List.copyOf(clients);
        Set<String> known = new HashSet<>();
        secrets.forEach(s -> known.add(s.name()));
        for (AppRoleSpec client : clients) {
            for (String secret : client.readableSecrets()) {
                if (!known.contains(secret)) {
                    throw new IllegalArgumentException(client.name() + " reads unknown secret " + secret);
                }
            }
        }
    }

    /** The DevStack Core layout (docs/stack.md, docs/api-contract.md). */
    public static VaultLayout standard() {
        List<String> redisNodes = StackServices.redisNodeNames();
        List<SecretSpec> secrets = new ArrayList<>();
        secrets.add(SecretSpec.named("postgres")
                .fixed("user", "dev_admin")
                .password("password")
                .fixed("database", "dev_database")
                .withTlsFlag());
        // the superuser apart from the APIs' user (dev_admin: no SUPERUSER, CREATEROLE or CREATEDB; owns dev_database)
        secrets.add(SecretSpec.named(POSTGRES_ADMIN)
                .fixed("user", "postgres")
                .password("password")
                .withTlsFlag());
        secrets.add(SecretSpec.named("mysql")
                .fixed("user", "dev_user")
                .password("password")
                .fixed("database", "dev_database")
                .withTlsFlag());
        // MariaDB's root apart from the app user: only the server's own init and the root-token CLI read it
        secrets.add(SecretSpec.named(MYSQL_ROOT)
                .fixed("user", "root")
                .password("password")
                .withTlsFlag());
        secrets.add(SecretSpec.named("mongodb")
                .fixed("user", "dev_user")
                .password("password")
                .fixed("database", "dev_database")
                .withTlsFlag());
        for (String node : redisNodes) {
            // one password for the whole cluster: nodes authenticate to each other with it
            secrets.add(
                    SecretSpec.named(node).sharedPassword("password", "redis").withTlsFlag());
        }
        secrets.add(SecretSpec.named("rabbitmq")
                .fixed("user", "dev_user")
                .password("password")
                .fixed("vhost", "dev_vhost")
                .withTlsFlag());
        secrets.add(SecretSpec.named("forgejo")
                .fixed("admin_user", "devstack-admin")
                .password("admin_password")
                .fixed("admin_email", "admin@devstack.local")
                .withTlsFlag());

        List<AppRoleSpec> clients = new ArrayList<>();
        clients.add(new AppRoleSpec("postgres", List.of("postgres", POSTGRES_ADMIN)));
        clients.add(new AppRoleSpec("pgbouncer", List.of("postgres")));
        clients.add(new AppRoleSpec("mysql", List.of("mysql", MYSQL_ROOT)));
        clients.add(new AppRoleSpec("mongodb", List.of("mongodb")));
        redisNodes.forEach(node -> clients.add(new AppRoleSpec(node, List.of(node))));
        clients.add(new AppRoleSpec("rabbitmq", List.of("rabbitmq")));
        clients.add(new AppRoleSpec("forgejo", List.of("forgejo", "postgres")));
        for (int i = 0; i < redisNodes.size(); i++) {
            clients.add(new AppRoleSpec("redis-exporter-" + (i + 1), List.of(redisNodes.get(i))));
        }
        clients.add(new AppRoleSpec("vector", List.of("postgres", "mysql", "mongodb", redisNodes.getFirst())));
        List<String> apiSecrets = Stream.concat(
                        Stream.of("postgres", "mysql", "mongodb"),
                        Stream.concat(redisNodes.stream(), Stream.of("rabbitmq")))
                .toList();
        StackServices.apiNames().forEach(api -> clients.add(new AppRoleSpec(api, apiSecrets)));
        return new VaultLayout(secrets, clients);
    }

    public Optional<SecretSpec> secret(String name) {
        return secrets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<AppRoleSpec> client(String name) {
        return clients.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
