package io.devstack.common.service;

import static io.devstack.common.service.ApiServicesIntegrationTest.json;
import static io.devstack.common.service.ApiServicesIntegrationTest.keysOnEveryNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.http.ServiceUnavailableException;
import io.devstack.common.stack.StackFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backends stopped for real: 503 and an unhealthy report, then recovery with the same {@link ApiServices}. */
class BackendOutageIntegrationTest {

    private static ApiServices services;

    @BeforeAll
    static void start() {
        services = StackFixture.startServices(ApiModule.VERTX);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aStoppedRedisNodeGives503AndTheSameServicesRecoverAfterItsRestart() throws Exception {
        String keyOnRedis1 = keysOnEveryNode().getFirst();
        services.cache().set(keyOnRedis1, "before", null, null, null);
        try {
            StackFixture.stack().stopService("redis-1");

            assertThatThrownBy(() -> services.cache().get(keyOnRedis1))
                    .isInstanceOfSatisfying(
                            ServiceUnavailableException.class,
                            e -> assertThat(e.details()).containsEntry("service", "redis"));
            JsonNode redis = json(services.health().redis());
            assertThat(redis.get("status").asText()).isEqualTo("degraded");
            JsonNode redis1 = redis.get("nodes").get(0);
            assertThat(redis1.get("status").asText()).isEqualTo("unhealthy");
            assertThat(redis1.get("error").asText()).isEqualTo("Node connection failed");
            assertThat(redis1.get("version").isNull()).isTrue();
            assertThat(redis.get("nodes").get(1).get("status").asText()).isEqualTo("healthy");
            assertThat(json(services.health().all(true)).get("status").asText()).isEqualTo("degraded");
        } finally {
            StackFixture.stack().startService("redis-1");
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                services.cache().set(keyOnRedis1, "after", null, null, null);
                break;
            } catch (ServiceUnavailableException stillDown) {
                if (Instant.now().isAfter(deadline)) {
                    throw stillDown;
                }
                Thread.sleep(1_000);
            }
        }
        assertThat(json(services.cache().get(keyOnRedis1)).get("value").asText())
                .isEqualTo("after");
        assertThat(json(services.health().redis()).get("status").asText()).isEqualTo("healthy");
        services.cache().delete(keyOnRedis1);
    }

    @Test
    void aRestartedBrokerIsReconnectedToWithoutRebuildingAnything() throws Exception {
        String queue = "common-it-outage-" + UUID.randomUUID();
        byte[] message = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        services.messaging().publish(queue, "application/json", message);
        try {
            StackFixture.stack().stopService("rabbitmq");

            assertThatThrownBy(() -> services.messaging().publish(queue, "application/json", message))
                    .isInstanceOfSatisfying(
                            ServiceUnavailableException.class,
                            e -> assertThat(e.details()).containsEntry("service", "rabbitmq"));
            assertThat(json(services.health().rabbitmq()).get("status").asText())
                    .isEqualTo("unhealthy");
        } finally {
            StackFixture.stack().startService("rabbitmq");
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                services.messaging().publish(queue, "application/json", message);
                break;
            } catch (ServiceUnavailableException stillDown) {
                if (Instant.now().isAfter(deadline)) {
                    throw stillDown;
                }
                Thread.sleep(1_000);
            }
        }
        // the first message was persistent in a durable queue: it survived the restart
        assertThat(json(services.messaging().queueInfo(queue))
                        .get("message_count")
                        .asLong())
                .isEqualTo(2);
        assertThat(json(services.health().rabbitmq()).get("status").asText()).isEqualTo("healthy");
    }
}
