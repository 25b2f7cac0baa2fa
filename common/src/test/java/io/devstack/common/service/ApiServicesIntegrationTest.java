package io.devstack.common.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.http.ApiException;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.PermissionDeniedException;
import io.devstack.common.http.ResourceNotFoundException;
import io.devstack.common.json.Json;
import io.devstack.common.redis.RedisNodeAddress;
import io.devstack.common.stack.StackFixture;
import io.devstack.common.vault.IssuedCertificate;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One {@link ApiServices}, as api-spring builds it, against the real native stack. */
class ApiServicesIntegrationTest {

    private static ApiServices services;

    @BeforeAll
    static void start() {
        services = StackFixture.startServices(ApiModule.SPRING);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyBackendIsHealthyAndAllRunsTheChecksInParallelThenCaches() throws Exception {
        long start = System.nanoTime();
        ApiResponse all = services.health().all(true);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        JsonNode body = json(all);
        assertThat(all.headers()).containsEntry("X-Cache", "MISS");
        assertThat(body.get("status").asText()).as(all.bodyText()).isEqualTo("healthy");
        assertThat(fieldNames(body.get("services")))
                .containsExactly("vault", "postgres", "mysql", "mongodb", "redis", "rabbitmq");
        body.get("services")
                .forEach(service -> assertThat(service.get("status").asText()).isEqualTo("healthy"));
        assertThat(took).isLessThan(services.settings().backendTimeout().multipliedBy(2));

        assertThat(services.health().all(false).headers()).containsEntry("X-Cache", "HIT");
        assertThat(services.health().all(true).headers()).containsEntry("X-Cache", "MISS");
    }

    @Test
    void eachHealthEndpointReportsItsBackend() throws Exception {
        assertThat(services.health().health().bodyText()).isEqualTo("{\"status\":\"ok\"}");
        JsonNode vault = json(services.health().vault());
        assertThat(fieldNames(vault.get("details"))).containsExactly("initialized", "sealed", "standby", "version");
        assertThat(vault.get("details").get("sealed").asBoolean()).isFalse();
        assertThat(json(services.health().postgres()).get("version").asText())
                .startsWith("PostgreSQL 17")
                .doesNotContain(",");
        assertThat(json(services.health().mysql()).get("version").asText()).contains("MariaDB");
        assertThat(json(services.health().mongodb()).get("version").asText()).isNotBlank();
        assertThat(json(services.health().rabbitmq()).get("version").asText()).isNotBlank();

        JsonNode redis = json(services.health().redis());
        assertThat(fieldNames(redis))
                .containsExactly("status", "cluster_enabled", "cluster_state", "nodes", "total_nodes");
        assertThat(redis.get("cluster_enabled").asBoolean()).isTrue();
        assertThat(redis.get("cluster_state").asText()).isEqualTo("ok");
        assertThat(redis.get("total_nodes").asInt()).isEqualTo(3);
        redis.get("nodes").forEach(node -> {
            assertThat(fieldNames(node))
                    .containsExactly(
                            "name",
                            "host",
                            "port",
                            "status",
                            "version",
                            "role",
                            "connected_clients",
                            "used_memory_human");
            assertThat(node.get("version").asText()).startsWith("6.2");
            assertThat(node.get("connected_clients").isNumber()).isTrue();
        });
    }

    @Test
    void theDatabasesAnswerTheirExampleQueries() throws Exception {
        JsonNode postgres = json(services.databases().postgres());
        assertThat(postgres.get("result").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(services.databases().postgres().bodyText())
                .startsWith("{\"database\":\"PostgreSQL\",\"query\":\"SELECT current_timestamp\",\"result\":");

        JsonNode mysql = json(services.databases().mysql());
        assertThat(mysql.get("result").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(LocalDateTime.parse(mysql.get("result").asText().replace(' ', 'T')))
                .isCloseTo(LocalDateTime.now(ZoneOffset.UTC), Assertions.within(1, ChronoUnit.MINUTES));

        JsonNode mongo = json(services.databases().mongodb());
        assertThat(fieldNames(mongo)).containsExactly("database", "collections", "count");
        List<String> collections = new ArrayList<>();
        mongo.get("collections").forEach(c -> collections.add(c.asText()));
        assertThat(collections).isSorted().hasSize(mongo.get("count").asInt());
    }

    @Test
    void cacheKeysWorkWhateverNodeOwnsTheirSlot() throws Exception {
        List<String> keys = keysOnEveryNode();
        for (String key : keys) {
            assertThat(services.cache()
                            .set(key, "value-" + key, "60", null, null)
                            .bodyText())
                    .isEqualTo(
                            "{\"key\":\"" + key + "\",\"value\":\"value-" + key + "\",\"ttl\":60,\"action\":\"set\"}");
            JsonNode entry = json(services.cache().get(key));
            assertThat(entry.get("value").asText()).isEqualTo("value-" + key);
            assertThat(entry.get("exists").asBoolean()).isTrue();
            assertThat(entry.get("ttl").asLong()).isBetween(1L, 60L);

            assertThat(json(services.cache().delete(key)).get("deleted").asBoolean())
                    .isTrue();
            assertThat(services.cache().get(key).bodyText())
                    .isEqualTo("{\"key\":\"" + key + "\",\"value\":null,\"exists\":false,\"ttl\":null}");
            assertThat(json(services.cache().delete(key)).get("deleted").asBoolean())
                    .isFalse();
        }
        String persistent = keys.getFirst();
        services.cache()
                .set(
                        persistent,
                        null,
                        null,
                        "application/json",
                        "{\"value\":\"no expiry\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(json(services.cache().get(persistent)).get("ttl").isNull()).isTrue();
        services.cache().delete(persistent);
    }

    @Test
    void aPublishedMessageIsInTheDurableQueuePersistentAsJson() throws Exception {
        String queue = "common-it-" + UUID.randomUUID();
        byte[] message = "{\"order\":42,\"items\":[\"a\",\"b\"],\"paid\":true}".getBytes(StandardCharsets.UTF_8);

        ApiResponse published = services.messaging().publish(queue, "application/json", message);

        assertThat(published.bodyText())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"message\":{\"order\":42,\"items\":[\"a\",\"b\"],\"paid\":true},"
                        + "\"action\":\"published\"}");
        assertThat(services.messaging().queueInfo(queue).bodyText())
                .isEqualTo("{\"queue\":\"" + queue + "\",\"exists\":true,\"message_count\":1,\"consumer_count\":0}");
        Map<String, Object> secret = StackFixture.readSecret("rabbitmq");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(services.settings().rabbitmq().host());
        factory.setPort(services.settings().rabbitmq().port());
        factory.setUsername(String.valueOf(secret.get("user")));
        factory.setPassword(String.valueOf(secret.get("password")));
        factory.setVirtualHost(String.valueOf(secret.get("vhost")));
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            GetResponse delivered = channel.basicGet(queue, true);
            assertThat(delivered.getBody()).isEqualTo(message);
            assertThat(delivered.getProps().getDeliveryMode()).isEqualTo(2);
            assertThat(delivered.getProps().getContentType()).isEqualTo("application/json");
            channel.queueDelete(queue);
        }
        assertThat(services.messaging().queueInfo(queue).bodyText())
                .isEqualTo("{\"queue\":\"" + queue
                        + "\",\"exists\":false,\"message_count\":null,\"consumer_count\":null}");
    }

    @Test
    void vaultExamplesMaskSecretsKeepTypesAndMapErrors() throws Exception {
        JsonNode secret = json(services.vault().secret("postgres"));
        assertThat(fieldNames(secret)).containsExactly("service", "data", "note");
        assertThat(secret.get("data").get("password").asText()).isEqualTo("***");
        assertThat(secret.get("data").get("user").asText()).isEqualTo("dev_admin");
        assertThat(services.vault().secret("postgres").bodyText())
                .doesNotContain(
                        String.valueOf(StackFixture.readSecret("postgres").get("password")));

        JsonNode tls = json(services.vault().secretKey("postgres", "tls_enabled"));
        assertThat(tls.get("value").isBoolean()).as(tls.toString()).isTrue();
        assertThat(json(services.vault().secretKey("mysql", "password"))
                        .get("value")
                        .asText())
                .isEqualTo("***");

        assertThatThrownBy(() -> services.vault().secret("forgejo")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> services.vault().secretKey("postgres", "no_such_key"))
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.details()).containsEntry("resource_id", "secret/postgres/no_such_key"));
    }

    @Test
    void theRedisClusterIsDescribedInTheContractShapes() throws Exception {
        JsonNode nodes = json(services.redisCluster().nodes());
        assertThat(nodes.get("total_nodes").asInt()).isEqualTo(3);
        nodes.get("nodes").forEach(node -> assertThat(node.get("role").asText()).isEqualTo("master"));

        JsonNode slots = json(services.redisCluster().slots());
        assertThat(slots.get("total_slots").asInt()).isEqualTo(16384);
        assertThat(slots.get("coverage_percentage").asDouble()).isEqualTo(100.0);
        assertThat(slots.get("slot_distribution")).hasSize(3);

        JsonNode info = json(services.redisCluster().info());
        assertThat(info.get("cluster_info").get("cluster_state").asText()).isEqualTo("ok");
        assertThat(info.get("cluster_info").get("cluster_slots_assigned").isNumber())
                .isTrue();

        for (RedisNodeAddress node : services.settings().redisNodes()) {
            JsonNode nodeInfo = json(services.redisCluster().nodeInfo(node.name()));
            assertThat(nodeInfo.get("node").asText()).isEqualTo(node.name());
            assertThat(nodeInfo.get("info").get("tcp_port").asInt()).isEqualTo(node.port());
        }
        assertThatThrownBy(() -> services.redisCluster().nodeInfo("redis-9"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theHttpsCertificateComesFromVaultPkiForThisModule() throws Exception {
        IssuedCertificate certificate = services.tls().current();

        X509Certificate x509 = (X509Certificate)
                certificate.keyStore("https", "changeit".toCharArray()).getCertificate("https");
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=api-spring");
        assertThat(services.tls().current()).as("held until due for renewal").isSameAs(certificate);
    }

    @Test
    void backendCallsBreakersAndCachesAreMeasured() throws Exception {
        call(services.databases()::postgres);
        call(() -> services.cache().get("common-it:metrics"));
        call(() -> services.vault().secret("rabbitmq")); // read once already by the startup probe: a cache hit

        String scrape = services.metrics().scrape().bodyText();
        assertThat(scrape)
                .contains("devstack_backend_calls_seconds_count"
                        + "{backend=\"postgres\",operation=\"query\",outcome=\"success\"}")
                .contains("devstack_backend_calls_seconds_count"
                        + "{backend=\"vault\",operation=\"kv_read\",outcome=\"success\"}")
                .contains("devstack_circuit_breaker_state{backend=\"rabbitmq\",state=\"closed\"} 1")
                .contains("devstack_cache_requests_total{cache=\"redis\",result=\"miss\"}")
                .contains("devstack_cache_requests_total{cache=\"vault_secrets\",result=\"hit\"}");
    }

    /** One key per slot range of the three masters (0–5460, 5461–10922, 10923–16383). */
    static List<String> keysOnEveryNode() {
        List<String> keys = new ArrayList<>();
        int[] bounds = {0, 5461, 10923, 16384};
        for (int range = 0; range < 3; range++) {
            for (int i = 0; ; i++) {
                String key = "common-it:" + range + ":" + i;
                int slot = SlotHash.getSlot(key);
                if (slot >= bounds[range] && slot < bounds[range + 1]) {
                    keys.add(key);
                    break;
                }
            }
        }
        return keys;
    }

    /** Runs an endpoint call; a contract error becomes an assertion failure that shows its envelope details. */
    static JsonNode call(Supplier<ApiResponse> endpoint) throws Exception {
        try {
            return json(endpoint.get());
        } catch (ApiException e) {
            throw new AssertionError(e.status() + " " + e.error() + " " + e.details(), e);
        }
    }

    static JsonNode json(ApiResponse response) throws Exception {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return Json.tree(response.body());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
