package io.devstack.parity;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.devstack.infra.local.amqp.AmqpBrokerMain;
import io.devstack.testsupport.NativeStack;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Our own clients of the backends, to check that what an API answered really happened: the Redis key and its TTL,
 * the AMQP message with its properties. Credentials come from Vault through the test fixture.
 */
final class BackendProbes implements AutoCloseable {

    private final RedisClusterClient redisClient;
    private final StatefulRedisClusterConnection<String, String> redisConnection;
    private final Connection amqp;
    private final NativeStack stack;
    private final List<String> queues = new ArrayList<>();
    private final List<String> fillers = new ArrayList<>();

    BackendProbes(NativeStack stack) throws Exception {
        this.stack = stack;
        redisClient = RedisClusterClient.create(stack.redisSeeds());
        redisConnection = redisClient.connect();
        amqp = stack.amqpFactory().newConnection("parity-tests");
    }

    RedisAdvancedClusterCommands<String, String> redis() {
        return redisConnection.sync();
    }

    /**
     * {@code null} when {@code key} holds {@code value} with a TTL in [minTtl, maxTtl] (-1: no expiry), else the
     * difference.
     */
    String redisHolds(String key, String value, long minTtl, long maxTtl) {
        String actual = redis().get(key);
        long ttl = redis().ttl(key);
        if (!value.equals(actual)) {
            return "redis GET " + key + ": expected " + value + ", actual " + actual;
        }
        return ttl >= minTtl && ttl <= maxTtl
                ? null
                : "redis TTL " + key + ": expected " + minTtl + ".." + maxTtl + ", actual " + ttl;
    }

    String redisAbsent(String key) {
        return redis().exists(key) == 0 ? null : "redis key " + key + " still exists";
    }

    /**
     * Takes the next message off {@code queue} and checks it is the persistent JSON message {@code json};
     * {@code null} when it is.
     */
    String amqpHolds(String queue, String json) throws Exception {
        queues.add(queue);
        try (Channel channel = amqp.createChannel()) {
            GetResponse message = channel.basicGet(queue, true);
            if (message == null) {
                return "amqp queue " + queue + ": no message";
            }
            List<String> problems = new ArrayList<>();
            if (!Integer.valueOf(2).equals(message.getProps().getDeliveryMode())) {
                problems.add(
                        "delivery mode expected 2, actual " + message.getProps().getDeliveryMode());
            }
            if (!"application/json".equals(message.getProps().getContentType())) {
                problems.add("content type expected application/json, actual "
                        + message.getProps().getContentType());
            }
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            if (!json.equals(body)) {
                problems.add("body expected " + abbreviate(json) + ", actual " + abbreviate(body));
            }
            return problems.isEmpty() ? null : "amqp queue " + queue + ": " + String.join("; ", problems);
        }
    }

    /**
     * Publishes {@code message} to {@code queue} (durable, persistent, mandatory, confirmed) until the broker refuses
     * one (a nack: the queue is at its depth limit); the queue is dropped when the suite ends.
     */
    void fillQueue(String queue, byte[] message) {
        queues.add(queue);
        try (Channel channel = amqp.createChannel()) {
            channel.confirmSelect();
            channel.queueDeclare(queue, true, false, false, null);
            // 64 MiB of 1 MB messages fill a queue: a broker that takes 100 has no depth limit
            for (int i = 0; i < 100; i++) {
                channel.basicPublish("", queue, true, MessageProperties.PERSISTENT_BASIC, message);
                if (!channel.waitForConfirms(30_000)) {
                    return;
                }
            }
            throw new IllegalStateException("queue " + queue + " took 100 messages of 1 MB without refusing one");
        } catch (Exception e) {
            throw new IllegalStateException("cannot fill queue " + queue + ": " + e.getMessage(), e);
        }
    }

    /**
     * Declares queues {@code prefix0}, {@code prefix1}, … until the broker refuses one (its queue-count limit), on a
     * connection of their own: Broker-J closes the connection over a refused declare. Not durable, so a broker restart
     * drops any a failed run leaves; {@link #releaseVirtualHost} deletes them.
     */
    void fillVirtualHost(String prefix) {
        try {
            Connection filler = stack.amqpFactory().newConnection("parity-tests-filler");
            try {
                Channel channel = filler.createChannel();
                for (int i = 0; i <= AmqpBrokerMain.MAX_QUEUES; i++) {
                    try {
                        channel.queueDeclare(prefix + i, false, false, false, null);
                        fillers.add(prefix + i);
                    } catch (IOException refused) {
                        return;
                    }
                }
                throw new IllegalStateException(
                        "the broker took " + AmqpBrokerMain.MAX_QUEUES + " new queues without refusing one");
            } finally {
                filler.abort();
            }
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot fill the virtual host: " + e.getMessage(), e);
        }
    }

    /** Deletes the queues {@link #fillVirtualHost} declared. */
    void releaseVirtualHost() {
        queues.addAll(fillers);
        deleteQueues(fillers);
        fillers.clear();
    }

    /** Drops a queue the suite made an API declare (after {@link #amqpHolds} or {@link #forget}). */
    void forget(String queue) {
        queues.add(queue);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
    }

    private void deleteQueues(Iterable<String> names) {
        for (String queue : names) {
            try (Channel channel = amqp.createChannel()) {
                channel.queueDelete(queue);
            } catch (IOException | java.util.concurrent.TimeoutException absent) {
                // a 404 closes the channel: the queue was never declared
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            deleteQueues(new LinkedHashSet<>(queues));
        } finally {
            amqp.close();
            redisConnection.close();
            redisClient.shutdown();
        }
    }
}
