package io.devstack.fault;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.devstack.testsupport.NativeStack;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every write an API acknowledged with 200 during the run (cache SET, publish), checked afterwards in the backend
 * itself with our own clients. Both backends are durable for an acknowledged write: Redis appends to its AOF before
 * it answers (a killed process loses nothing the kernel holds), the broker confirms a persistent message only once
 * its store has it.
 */
final class AcknowledgedWrites {

    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> messages = new ConcurrentHashMap<>();

    static String queue(String api) {
        return "fault-" + api;
    }

    void cacheSet(String key, String value) {
        cache.put(key, value);
    }

    void published(String queue, String id) {
        messages.computeIfAbsent(queue, q -> ConcurrentHashMap.newKeySet()).add(id);
    }

    int cacheCount() {
        return cache.size();
    }

    int messageCount() {
        return messages.values().stream().mapToInt(Set::size).sum();
    }

    /** Acknowledged cache writes the cluster no longer holds, as {@code key} strings. */
    List<String> lostCacheWrites(NativeStack stack) {
        RedisClusterClient client = RedisClusterClient.create(stack.redisSeeds());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            List<String> lost = new ArrayList<>();
            cache.forEach((key, value) -> {
                if (!value.equals(connection.sync().get(key))) {
                    lost.add(key);
                }
            });
            cache.keySet().forEach(connection.sync()::del);
            return lost;
        } finally {
            client.shutdown();
        }
    }

    /** Acknowledged publishes the broker no longer holds, per queue (the queues are drained and deleted). */
    Map<String, Integer> lostMessages(NativeStack stack) throws Exception {
        Map<String, Integer> lost = new ConcurrentHashMap<>();
        try (Connection connection = stack.amqpFactory().newConnection("fault-tests");
                Channel channel = connection.createChannel()) {
            for (Map.Entry<String, Set<String>> queue : messages.entrySet()) {
                Set<String> held = new HashSet<>();
                for (GetResponse r = channel.basicGet(queue.getKey(), true);
                        r != null;
                        r = channel.basicGet(queue.getKey(), true)) {
                    String body = new String(r.getBody(), StandardCharsets.UTF_8);
                    held.add(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
                }
                long missing = queue.getValue().stream()
                        .filter(id -> !held.contains(id))
                        .count();
                if (missing > 0) {
                    lost.put(queue.getKey(), (int) missing);
                }
                channel.queueDelete(queue.getKey());
            }
        }
        return lost;
    }
}
