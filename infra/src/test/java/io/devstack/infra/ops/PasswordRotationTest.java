package io.devstack.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code vault rotate --all} on the real shared stack while one client of each kind logs in again and again, the way
 * {@code common}'s clients do: with the password it cached from Vault, and after a refusal once more with the one
 * Vault holds now. No operation may fail twice in a row; afterwards every old password is refused.
 */
@Order(StackClients.AFTER_OWN_STACK_TESTS)
class PasswordRotationTest {

    /** The operation a client performs with a secret: a fresh login plus one real call. */
    @FunctionalInterface
    private interface Operation {
        void run(Map<String, String> secret) throws Exception;
    }

    private static final Map<String, Operation> CLIENTS = new LinkedHashMap<>();

    static {
        CLIENTS.put("postgres", s -> {
            try (Connection c = StackClients.postgres(s);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            }
        });
        CLIENTS.put("mysql", s -> {
            try (Connection c = StackClients.mariadb(s);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            }
        });
        CLIENTS.put("mongodb", s -> {
            try (var mongo = StackClients.mongo(s)) {
                mongo.getDatabase("dev_database").runCommand(new Document("ping", 1));
            }
        });
        CLIENTS.put("redis-1", s -> {
            try (StackClients.RedisCluster redis = StackClients.redis(s)) {
                redis.connection().sync().set("ops:rotation", "alive");
            }
        });
        CLIENTS.put("rabbitmq", s -> {
            try (com.rabbitmq.client.Connection amqp = StackClients.amqp(s)) {
                amqp.createChannel().close();
            }
        });
    }

    @Test
    void everyBackendTakesItsNewPasswordLiveWhileClientsNeverFailMoreThanOneRetry() throws Exception {
        LocalRuntime runtime = StackClients.runtime();
        Map<String, Map<String, String>> old = new LinkedHashMap<>();
        CLIENTS.keySet().forEach(name -> old.put(name, StackClients.secret(name)));
        AtomicBoolean rotating = new AtomicBoolean(true);
        Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (var client : CLIENTS.entrySet()) {
                running.add(clients.submit(() -> {
                    Map<String, String> cached = StackClients.secret(client.getKey());
                    do {
                        try {
                            client.getValue().run(cached);
                        } catch (Exception refused) {
                            retries.computeIfAbsent(client.getKey(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            cached = StackClients.secret(client.getKey());
                            try {
                                client.getValue().run(cached);
                            } catch (Exception again) {
                                failures.add(client.getKey() + ": " + again.getMessage());
                            }
                        }
                        operations
                                .computeIfAbsent(client.getKey(), k -> new AtomicInteger())
                                .incrementAndGet();
                        Thread.sleep(20); // a steady client, not a busy loop on a shared 2-core machine
                    } while (rotating.get());
                    return null;
                }));
            }
            Thread.sleep(500);
            for (String service : PasswordRotation.SERVICES) {
                new PasswordRotation(runtime).rotate(service, Progress.SILENT);
            }
            Thread.sleep(500);
            rotating.set(false);
            for (Future<?> client : running) {
                client.get();
            }
        }

        System.out.println("[rotation-test] operations " + operations + ", retries " + retries);
        assertThat(failures)
                .as("an operation that failed again after re-reading Vault")
                .isEmpty();
        assertThat(operations.keySet()).containsExactlyInAnyOrderElementsOf(CLIENTS.keySet());
        assertThat(retries.keySet())
                .as("every client's cached password was refused once, then recovered")
                .containsExactlyInAnyOrderElementsOf(CLIENTS.keySet());
        for (var client : CLIENTS.entrySet()) {
            Map<String, String> now = StackClients.secret(client.getKey());
            assertThat(now.get("password"))
                    .as(client.getKey())
                    .isNotEqualTo(old.get(client.getKey()).get("password"));
            client.getValue().run(now);
            assertThatThrownBy(() -> client.getValue().run(old.get(client.getKey())))
                    .as(client.getKey() + " refuses the old password")
                    .isInstanceOf(Exception.class);
        }
        for (String node : List.of("redis-2", "redis-3")) {
            assertThat(StackClients.secret(node).get("password"))
                    .isEqualTo(StackClients.secret("redis-1").get("password"));
        }
    }
}
