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
public record VaultLayout(List<SecretSpec> secrets, List<VaultClient> clients) {

    public static final List<String> API_MODULES =
            List.of("api-spring", "api-micronaut", "api-helidon", "api-vertx", "api-javalin");

    private static final List<String> REDIS_NODES = List.of("redis-1", "redis-2", "redis-3");

    public VaultLayout {
        secrets = List.copyOf(secrets);
        clients = List.copyOf(clients);
        Set<String> known = new HashSet<>();
        secrets.forEach(s -> known.add(s.name()));
        for (VaultClient client : clients) {
            for (String secret : client.readableSecrets()) {
                if (!known.contains(secret)) {
                    throw new IllegalArgumentException(client.name() + " reads unknown secret " + secret);
                }
            }
        }
    }

    /** The DevStack Core layout (docs/stack.md, docs/api-contract.md). */
    public static VaultLayout standard() {
        List<SecretSpec> secrets = new ArrayList<>();
        secrets.add(SecretSpec.named("postgres")
                .fixed("user", "dev_admin")
                .password("password")
                .fixed("database", "dev_database")
                .withTlsFlag());
        secrets.add(SecretSpec.named("mysql")
                .password("root_password")
                .fixed("user", "dev_user")
                .password("password")
                .fixed("database", "dev_database")
                .withTlsFlag());
        secrets.add(SecretSpec.named("mongodb")
                .fixed("user", "dev_user")
                .password("password")
                .fixed("database", "dev_database")
                .withTlsFlag());
        for (String node : REDIS_NODES) {
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

        List<VaultClient> clients = new ArrayList<>();
        clients.add(new VaultClient("postgres", List.of("postgres")));
        clients.add(new VaultClient("pgbouncer", List.of("postgres")));
        clients.add(new VaultClient("mysql", List.of("mysql")));
        clients.add(new VaultClient("mongodb", List.of("mongodb")));
        REDIS_NODES.forEach(node -> clients.add(new VaultClient(node, List.of(node))));
        clients.add(new VaultClient("rabbitmq", List.of("rabbitmq")));
        clients.add(new VaultClient("forgejo", List.of("forgejo", "postgres")));
        for (int i = 0; i < REDIS_NODES.size(); i++) {
            clients.add(new VaultClient("redis-exporter-" + (i + 1), List.of(REDIS_NODES.get(i))));
        }
        clients.add(new VaultClient("vector", List.of("postgres", "mysql", "mongodb", "redis-1")));
        List<String> apiSecrets = Stream.concat(
                        Stream.of("postgres", "mysql", "mongodb"),
                        Stream.concat(REDIS_NODES.stream(), Stream.of("rabbitmq")))
                .toList();
        API_MODULES.forEach(api -> clients.add(new VaultClient(api, apiSecrets)));
        return new VaultLayout(secrets, clients);
    }

    public Optional<SecretSpec> secret(String name) {
        return secrets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<VaultClient> client(String name) {
        return clients.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
