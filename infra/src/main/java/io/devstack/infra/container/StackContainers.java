package io.devstack.infra.container;

import static io.devstack.infra.container.ComposeNetwork.APP;
import static io.devstack.infra.container.ComposeNetwork.DATA;
import static io.devstack.infra.container.ComposeNetwork.OBSERVABILITY;
import static io.devstack.infra.container.ComposeNetwork.VAULT;
import static io.devstack.infra.container.InitWrapper.HttpTool.BASH_TCP;
import static io.devstack.infra.container.InitWrapper.HttpTool.NC;

import io.devstack.infra.container.InitWrapper.Export;
import io.devstack.infra.container.InitWrapper.HttpTool;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the compose runtime runs each of the 23 {@link StackServices}: the container half of the one model.
 * Health checks make an authenticated call with the credentials the init wrapper fetched from Vault
 * (it leaves them in {@value #HEALTH_ENV}, readable by root only, for exactly that).
 */
public final class StackContainers {

    /** Where an init wrapper leaves the exported credentials for the container's own health check. */
    public static final String HEALTH_ENV = "/tmp/devstack-health.env";
    /** Where each Vault client's {@code role-id} and {@code secret-id} are mounted (read-only). */
    public static final String APPROLE_MOUNT = "/run/devstack/approle";
    /** Where the generated init wrappers are mounted. */
    public static final String INIT_MOUNT = "/devstack/init";
    /** Vault as the containers reach it (service name on the vault network). */
    public static final String VAULT_URL = "http://vault:8200";

    private static final String SOURCE_ENV = ". " + HEALTH_ENV + " && ";
    private static final Map<String, ContainerSpec> SPECS = build();

    private StackContainers() {}

    /** {@code redis-1=redis-1:6379,...}: the cluster's nodes by service name on the data network, for the APIs. */
    private static String redisNodesOnNetwork() {
        return StackServices.redisNodes().stream()
                .map(n -> n.name() + "=" + n.name() + ":" + n.mainPort())
                .collect(Collectors.joining(","));
    }

    public static ContainerSpec of(StackService service) {
        return of(service.name());
    }

    public static ContainerSpec of(String service) {
        ContainerSpec spec = SPECS.get(service);
        if (spec == null) {
            throw new IllegalArgumentException("no container spec for service '" + service + "'");
        }
        return spec;
    }

    /** The specs of the given services, in the model's start order. */
    public static List<ContainerSpec> of(List<StackService> services) {
        return services.stream().map(StackContainers::of).toList();
    }

    private static Map<String, ContainerSpec> build() {
        List<ContainerSpec> specs = new ArrayList<>();
        specs.add(ContainerSpec.of("vault", "hashicorp/vault:1.18")
                .at(VAULT, 10)
                .port(8200)
                .mount(Mount.generated("vault/vault.hcl", "/vault/config/vault.hcl"))
                .mount(Mount.volume("vault-data", "/vault/file"))
                .command("server")
                // unsealed and serving: `vault status` exits 2 while sealed, 1 when unreachable
                .health(HealthCheck.shell("VAULT_ADDR=http://127.0.0.1:8200 vault status >/dev/null", "vault"))
                .limits("256m", 0.5)
                .build());

        specs.add(wrapped(
                        "postgres",
                        "postgres:18",
                        DATA,
                        10,
                        BASH_TCP,
                        List.of(
                                // the image's superuser; ensure-databases.sh makes the app user apart from it
                                new Export("POSTGRES_USER", VaultLayout.POSTGRES_ADMIN, "user"),
                                new Export("POSTGRES_PASSWORD", VaultLayout.POSTGRES_ADMIN, "password"),
                                new Export("POSTGRES_DB", "postgres", "database"),
                                new Export("DEVSTACK_APP_USER", "postgres", "user"),
                                new Export("DEVSTACK_APP_PASSWORD", "postgres", "password")),
                        List.of("docker-entrypoint.sh"),
                        List.of(),
                        "postgres/ensure-databases.sh")
                .port(5432)
                .command("postgres")
                .env("PGDATA", "/var/lib/postgresql/18/docker")
                .mount(Mount.volume("postgres-data", "/var/lib/postgresql"))
                .mount(Mount.generated("postgres/ensure-databases.sh", "/devstack/postgres/ensure-databases.sh"))
                .health(HealthCheck.shell(
                                SOURCE_ENV + "PGPASSWORD=\"$DEVSTACK_APP_PASSWORD\" psql -h 127.0.0.1 "
                                        + "-U \"$DEVSTACK_APP_USER\" -d \"$POSTGRES_DB\" -tAc \"SELECT count(*) FROM "
                                        + "pg_database WHERE datname = "
                                        + "'forgejo'\" | grep -q 1",
                                "psql",
                                "grep")
                        .startingWithin(Duration.ofSeconds(60)))
                .limits("1g", 1.0)
                .build());

        specs.add(wrapped(
                        "pgbouncer",
                        "edoburu/pgbouncer:latest",
                        DATA,
                        11,
                        NC,
                        List.of(
                                new Export("DB_USER", "postgres", "user"),
                                new Export("DB_PASSWORD", "postgres", "password"),
                                new Export("DB_NAME", "postgres", "database")),
                        List.of("/entrypoint.sh"),
                        List.of(),
                        null)
                .port(6432)
                .command("/usr/bin/pgbouncer", "/etc/pgbouncer/pgbouncer.ini")
                .env("DB_HOST", "postgres")
                .env("DB_PORT", "5432")
                .env("LISTEN_PORT", "6432")
                .env("AUTH_TYPE", "scram-sha-256")
                .env("POOL_MODE", "transaction")
                // the real user from Vault, through the pooler, not just an open port
                .health(HealthCheck.shell(
                        SOURCE_ENV + "PGPASSWORD=\"$DB_PASSWORD\" psql -h 127.0.0.1 -p 6432 "
                                + "-U \"$DB_USER\" -d \"$DB_NAME\" -tAc 'SELECT 1' | grep -q 1",
                        "psql",
                        "grep"))
                // the image runs as `postgres`, which cannot read the 0600 AppRole files: log in as root, then drop
                .dropPrivilegesTo("postgres")
                .after("postgres")
                .limits("128m", 0.5)
                .build());

        specs.add(wrapped(
                        "mysql",
                        "mysql:8.4",
                        DATA,
                        12,
                        BASH_TCP,
                        List.of(
                                new Export("MYSQL_ROOT_PASSWORD", VaultLayout.MYSQL_ROOT, "password"),
                                new Export("MYSQL_USER", "mysql", "user"),
                                new Export("MYSQL_PASSWORD", "mysql", "password"),
                                new Export("MYSQL_DATABASE", "mysql", "database")),
                        List.of("docker-entrypoint.sh"),
                        List.of(),
                        null)
                .port(3306)
                .command("mysqld")
                .mount(Mount.volume("mysql-data", "/var/lib/mysql"))
                // mysqladmin ping succeeds even when access is denied: run a real query as the app user
                .health(HealthCheck.shell(
                                SOURCE_ENV + "MYSQL_PWD=\"$MYSQL_PASSWORD\" mysql -h 127.0.0.1 "
                                        + "-u \"$MYSQL_USER\" \"$MYSQL_DATABASE\" -NBe 'SELECT 1' | grep -q 1",
                                "mysql",
                                "grep")
                        .startingWithin(Duration.ofSeconds(90)))
                .limits("1g", 1.0)
                .build());

        int[] redisHosts = {13, 16, 17};
        for (int node = 1; node <= 3; node++) {
            String name = "redis-" + node;
            int port = 6378 + node;
            specs.add(wrapped(
                            name,
                            "redis:7.4-alpine",
                            DATA,
                            redisHosts[node - 1],
                            NC,
                            List.of(new Export("REDIS_PASSWORD", name, "password")),
                            List.of("docker-entrypoint.sh"),
                            // the password reaches redis-server on stdin (`-` = config from stdin), not as arguments
                            List.of(
                                    "include ${DEVSTACK_DIR:-/devstack}/redis/redis.conf",
                                    "requirepass \"$REDIS_PASSWORD\"",
                                    "masterauth \"$REDIS_PASSWORD\""),
                            null)
                    // each node listens on its host port inside its container too, so the 127.0.0.1:<port>
                    // it announces (MOVED replies) is right for host clients and mappable by port in containers
                    .port(port)
                    .port(port + 10_000)
                    .command("redis-server", "-", "--port", Integer.toString(port))
                    .mount(Mount.generated("redis/redis.conf", "/devstack/redis/redis.conf"))
                    .mount(Mount.volume(name + "-data", "/data"))
                    .health(HealthCheck.shell(
                            SOURCE_ENV + "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli -p " + port
                                    + " ping | grep -q PONG",
                            "redis-cli",
                            "grep"))
                    .limits("256m", 0.5)
                    .build());
        }

        specs.add(wrapped(
                        "rabbitmq",
                        "rabbitmq:3.13-management-alpine",
                        DATA,
                        14,
                        NC,
                        List.of(
                                new Export("RABBITMQ_DEFAULT_USER", "rabbitmq", "user"),
                                new Export("RABBITMQ_DEFAULT_PASS", "rabbitmq", "password"),
                                new Export("RABBITMQ_DEFAULT_VHOST", "rabbitmq", "vhost")),
                        List.of("docker-entrypoint.sh"),
                        List.of(),
                        null)
                .port(5672)
                .port(5671)
                .port(15672)
                .command("rabbitmq-server")
                .mount(Mount.volume("rabbitmq-data", "/var/lib/rabbitmq"))
                // declares, publishes and consumes on the app vhost as the Vault user
                .health(HealthCheck.shell(
                                // the credentials go in a header printf (a shell builtin) writes to nc's stdin
                                SOURCE_ENV + "basic_auth=$(printf '%s:%s' \"$RABBITMQ_DEFAULT_USER\" "
                                        + "\"$RABBITMQ_DEFAULT_PASS\" | base64) && printf 'GET /api/aliveness-test/%s "
                                        + "HTTP/1.0\\r\\nHost: localhost\\r\\nAuthorization: Basic %s\\r\\n\\r\\n' "
                                        + "\"$RABBITMQ_DEFAULT_VHOST\" \"$basic_auth\" | nc -w 5 127.0.0.1 15672 "
                                        + "| grep -q '\"ok\"'",
                                "base64",
                                "nc",
                                "grep")
                        .startingWithin(Duration.ofSeconds(60)))
                .limits("512m", 1.0)
                .build());

        specs.add(wrapped(
                        "mongodb",
                        "mongo:7.0",
                        DATA,
                        15,
                        BASH_TCP,
                        List.of(
                                new Export("MONGO_INITDB_ROOT_USERNAME", "mongodb", "user"),
                                new Export("MONGO_INITDB_ROOT_PASSWORD", "mongodb", "password"),
                                new Export("MONGO_INITDB_DATABASE", "mongodb", "database")),
                        List.of("docker-entrypoint.sh"),
                        List.of(),
                        null)
                .port(27017)
                .command("mongod")
                .mount(Mount.volume("mongodb-data", "/data/db"))
                .health(HealthCheck.shell(
                                // the script reads the credentials from the environment, not from mongosh's arguments
                                SOURCE_ENV + "mongosh --quiet --nodb --eval 'const admin = "
                                        + "connect(\"mongodb://127.0.0.1:27017/admin\"); "
                                        + "admin.auth(process.env.MONGO_INITDB_ROOT_USERNAME, "
                                        + "process.env.MONGO_INITDB_ROOT_PASSWORD); "
                                        + "print(admin.runCommand({ping: 1}).ok)' | grep -q 1",
                                "mongosh",
                                "grep")
                        .startingWithin(Duration.ofSeconds(60)))
                .limits("1g", 1.0)
                .build());

        specs.add(wrapped(
                        "forgejo",
                        "codeberg.org/forgejo/forgejo:11",
                        APP,
                        10,
                        BASH_TCP,
                        List.of(
                                new Export("FORGEJO__database__USER", "postgres", "user"),
                                new Export("FORGEJO__database__PASSWD", "postgres", "password")),
                        List.of("/usr/bin/entrypoint"),
                        List.of(),
                        null)
                .alsoOn(DATA)
                .port(3000)
                .port(2222, 22)
                .command("/usr/bin/s6-svscan", "/etc/s6")
                .env("FORGEJO__database__DB_TYPE", "postgres")
                .env("FORGEJO__database__HOST", "postgres:5432")
                .env("FORGEJO__database__NAME", "forgejo")
                .env("FORGEJO__security__INSTALL_LOCK", "true")
                .env("FORGEJO__server__ROOT_URL", "http://localhost:3000/")
                .mount(Mount.volume("forgejo-data", "/data"))
                // healthz reports the database check: it fails until Forgejo can use its database
                .health(HealthCheck.shell("curl -fsS http://127.0.0.1:3000/api/healthz | grep -q pass", "curl", "grep")
                        .startingWithin(Duration.ofSeconds(60)))
                .after("postgres")
                .limits("512m", 1.0)
                .build());

        List<StackService> apis = StackServices.apis();
        for (int i = 0; i < apis.size(); i++) {
            String api = apis.get(i).name();
            int http = apis.get(i).mainPort();
            int https = apis.get(i).httpsPort();
            specs.add(ContainerSpec.of(api, "devstack/" + api + ":latest")
                    .builtFrom(api)
                    .at(APP, 20 + i)
                    .alsoOn(DATA, VAULT)
                    .port(http)
                    .port(https)
                    .env("VAULT_ADDR", VAULT_URL)
                    .env("VAULT_APPROLE_DIR", APPROLE_MOUNT)
                    .env("POSTGRES_HOST", "postgres")
                    .env("POSTGRES_PORT", "5432")
                    .env("MYSQL_HOST", "mysql")
                    .env("MYSQL_PORT", "3306")
                    .env("MONGODB_HOST", "mongodb")
                    .env("MONGODB_PORT", "27017")
                    .env("REDIS_NODES", redisNodesOnNetwork())
                    .env("RABBITMQ_HOST", "rabbitmq")
                    .env("RABBITMQ_PORT", "5672")
                    .env("HTTP_PORT", Integer.toString(http))
                    .env("HTTPS_PORT", Integer.toString(https))
                    .mount(Mount.state("approle/" + api, APPROLE_MOUNT))
                    // the API's own Vault login and every backend, as /health/all reports them
                    .health(HealthCheck.shell(
                                    "bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + http
                                            + " && printf \"GET /health/all HTTP/1.0\\r\\nHost: "
                                            + "localhost\\r\\n\\r\\n\" >&3"
                                            + " && grep -q \"^{\\\"status\\\":\\\"healthy\\\"\" <&3'",
                                    "bash",
                                    "grep")
                            .startingWithin(Duration.ofSeconds(60)))
                    .after(StackServices.backendNames().toArray(String[]::new))
                    .limits("768m", 1.0)
                    .build());
        }

        specs.add(ContainerSpec.of("prometheus", "prom/prometheus:v3.5.0")
                .at(OBSERVABILITY, 10)
                .alsoOn(VAULT, APP)
                .port(9090)
                // the Vault metrics token file is 0600 like every DevStack secret: read it as root
                .user("root")
                .command("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus")
                .mount(Mount.generated("prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml"))
                .mount(Mount.state("compose-secrets/prometheus", "/etc/prometheus/secrets"))
                .mount(Mount.volume("prometheus-data", "/prometheus"))
                .health(HealthCheck.shell("wget -q -O - http://127.0.0.1:9090/-/ready | grep -q Ready", "wget", "grep"))
                .limits("512m", 0.5)
                .build());

        specs.add(ContainerSpec.of("grafana", "grafana/grafana:12.0.0")
                .at(OBSERVABILITY, 11)
                .port(3001, 3000)
                .env("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .env("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
                .mount(Mount.generated("grafana/provisioning", "/etc/grafana/provisioning"))
                .mount(Mount.generated("grafana/dashboards", "/etc/grafana/dashboards"))
                .mount(Mount.volume("grafana-data", "/var/lib/grafana"))
                .health(HealthCheck.shell("wget -q -O - http://127.0.0.1:3000/api/health | grep -q ok", "wget", "grep"))
                .after("prometheus", "loki")
                .limits("256m", 0.5)
                .build());

        // Loki 3 images are distroless (no shell, no wget): readiness is checked from the host on /ready
        specs.add(ContainerSpec.of("loki", "grafana/loki:3.5.0")
                .at(OBSERVABILITY, 12)
                .port(3100)
                .command("-config.file=/etc/loki/loki.yaml")
                .mount(Mount.generated("loki/loki.yaml", "/etc/loki/loki.yaml"))
                .mount(Mount.volume("loki-data", "/loki"))
                .limits("512m", 0.5)
                .build());

        specs.add(wrapped(
                        "vector",
                        "timberio/vector:0.48.0-alpine",
                        OBSERVABILITY,
                        13,
                        NC,
                        List.of(
                                new Export("POSTGRES_USER", "postgres", "user"),
                                new Export("POSTGRES_PASSWORD", "postgres", "password")),
                        List.of("/usr/local/bin/vector"),
                        List.of(),
                        null)
                .alsoOn(DATA)
                .port(8686)
                .command("--config", "/etc/vector/vector.yaml")
                .mount(Mount.generated("vector/vector.yaml", "/etc/vector/vector.yaml"))
                .mount(Mount.host("/var/run/docker.sock", "/var/run/docker.sock", true))
                .mount(Mount.volume("vector-data", "/var/lib/vector"))
                .health(HealthCheck.shell("wget -q -O - http://127.0.0.1:8686/health | grep -q ok", "wget", "grep"))
                .after("loki", "postgres")
                .limits("256m", 0.5)
                .build());

        // no shell tooling relied on in the promtail image: readiness is checked from the host
        specs.add(ContainerSpec.of("promtail", "grafana/promtail:3.5.0")
                .at(OBSERVABILITY, 14)
                .command("-config.file=/etc/promtail/promtail.yaml")
                .mount(Mount.generated("promtail/promtail.yaml", "/etc/promtail/promtail.yaml"))
                .mount(Mount.host("/var/run/docker.sock", "/var/run/docker.sock", true))
                .after("loki")
                .limits("128m", 0.25)
                .build());

        specs.add(ContainerSpec.of("cadvisor", "gcr.io/cadvisor/cadvisor:v0.52.1")
                .at(OBSERVABILITY, 15)
                .port(8080)
                .mount(Mount.host("/", "/rootfs", true))
                .mount(Mount.host("/var/run", "/var/run", true))
                .mount(Mount.host("/sys", "/sys", true))
                .mount(Mount.host("/var/lib/docker", "/var/lib/docker", true))
                .health(HealthCheck.shell("wget -q -O - http://127.0.0.1:8080/healthz | grep -q ok", "wget", "grep"))
                .limits("256m", 0.5)
                .build());

        for (int node = 1; node <= 3; node++) {
            String name = "redis-exporter-" + node;
            int redisPort = 6378 + node;
            int port = 9120 + node;
            specs.add(wrapped(
                            name,
                            "oliver006/redis_exporter:v1.74.0-alpine",
                            OBSERVABILITY,
                            15 + node,
                            NC,
                            List.of(new Export("REDIS_PASSWORD", "redis-" + node, "password")),
                            List.of("/redis_exporter"),
                            List.of(),
                            null)
                    .alsoOn(DATA)
                    .port(port, 9121)
                    .user("root")
                    .env("REDIS_ADDR", "redis://redis-" + node + ":" + redisPort)
                    // redis_up is 1 only when the exporter logged in to its node with the Vault password
                    .health(HealthCheck.shell(
                            "wget -q -O - http://127.0.0.1:9121/metrics | grep -q '^redis_up 1'", "wget", "grep"))
                    .after("redis-" + node)
                    .limits("64m", 0.25)
                    .build());
        }

        Map<String, ContainerSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.service(), s));
        return Map.copyOf(byName);
    }

    /** A Vault client: its wrapper is the entrypoint, it joins the vault network and waits for Vault. */
    private static ContainerSpec.Builder wrapped(
            String service,
            String image,
            ComposeNetwork home,
            int host,
            HttpTool http,
            List<Export> exports,
            List<String> realEntrypoint,
            List<String> stdin,
            String background) {
        return ContainerSpec.of(service, image)
                .at(home, host)
                .alsoOn(VAULT)
                .init(new InitWrapper(service, exports, http, realEntrypoint, stdin, background, null))
                .entrypoint("/bin/sh", INIT_MOUNT + "/" + service + ".sh")
                .env("VAULT_ADDR", VAULT_URL)
                .mount(Mount.generated("init/" + service + ".sh", INIT_MOUNT + "/" + service + ".sh"))
                .mount(Mount.state("approle/" + service, APPROLE_MOUNT))
                .after("vault");
    }
}
