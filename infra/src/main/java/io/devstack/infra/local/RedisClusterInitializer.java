package io.devstack.infra.local;

import io.devstack.infra.Progress;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forms the Redis cluster once all nodes answer: each node gets its share of the 16384 slots (three nodes:
 * 0–5460, 5461–10922, 10923–16383, as redis-cli splits them) unless it already has slots, the nodes meet,
 * and we wait for {@code cluster_state:ok} with every slot covered. Idempotent: a formed cluster is left as is.
 */
public final class RedisClusterInitializer {

    public static final int SLOTS = 16384;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One node to join: where it listens and the password it requires. */
    public record Node(String name, int port, String password) {}

    /** What the formed cluster looks like: masters and covered slots. */
    public record ClusterReport(int nodes, int coveredSlots) {}

    private RedisClusterInitializer() {}

    /** Slot ranges {@code [first, last]} for {@code count} masters, the way redis-cli splits them. */
    public static List<int[]> slotRanges(int count) {
        List<int[]> ranges = new ArrayList<>();
        double perNode = SLOTS / (double) count;
        double cursor = 0;
        int first = 0;
        for (int i = 0; i < count; i++) {
            int last = (int) Math.round(cursor + perNode - 1);
            if (last > SLOTS - 1 || i == count - 1) {
                last = SLOTS - 1;
            }
            if (last < first) {
                last = first;
            }
            ranges.add(new int[] {first, last});
            first = last + 1;
            cursor += perNode;
        }
        return ranges;
    }

    public static ClusterReport initialize(List<Node> nodes, Progress progress) {
        List<RedisClient> clients = new ArrayList<>();
        try {
            List<RedisCommands<String, String>> commands = new ArrayList<>();
            for (Node node : nodes) {
                RedisClient client = RedisClient.create(uri(node));
                clients.add(client);
                StatefulRedisConnection<String, String> connection = client.connect();
                commands.add(connection.sync());
            }
            if (commands.stream()
                    .allMatch(c -> clusterOk(c) && coveredSlots(c) == SLOTS && knownMasters(c) == nodes.size())) {
                return new ClusterReport(nodes.size(), SLOTS);
            }
            List<int[]> ranges = slotRanges(nodes.size());
            List<Integer> withoutSlots = IntStream.range(0, nodes.size())
                    .filter(i -> ownSlots(commands.get(i)) == 0 && coveredSlots(commands.get(i)) < SLOTS)
                    .boxed()
                    .toList();
            progress.step(
                    withoutSlots.isEmpty()
                            ? "redis: waiting for the cluster to settle (cluster_state:ok)"
                            : "redis: forming the cluster (" + nodes.size() + " masters, " + SLOTS + " slots)");
            for (int i : withoutSlots) {
                commands.get(i)
                        .clusterAddSlots(IntStream.rangeClosed(ranges.get(i)[0], ranges.get(i)[1])
                                .toArray());
            }
            for (int i = 1; i < nodes.size(); i++) {
                commands.getFirst().clusterMeet("127.0.0.1", nodes.get(i).port());
            }
            return awaitFormed(commands, nodes.size());
        } finally {
            clients.forEach(c -> c.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        }
    }

    /** Cluster state as seen by every node; for {@code health}. */
    public static ClusterReport verify(List<Node> nodes) {
        List<RedisClient> clients = new ArrayList<>();
        try {
            int covered = SLOTS;
            for (Node node : nodes) {
                RedisClient client = RedisClient.create(uri(node));
                clients.add(client);
                RedisCommands<String, String> c = client.connect().sync();
                if (!clusterOk(c)) {
                    throw new IllegalStateException(node.name() + " reports cluster_state other than ok; "
                            + "run ./devstack redis-cluster-init");
                }
                covered = Math.min(covered, coveredSlots(c));
            }
            return new ClusterReport(nodes.size(), covered);
        } finally {
            clients.forEach(c -> c.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        }
    }

    private static ClusterReport awaitFormed(List<RedisCommands<String, String>> commands, int expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (commands.stream()
                    .allMatch(c -> clusterOk(c) && coveredSlots(c) == SLOTS && knownMasters(c) == expected)) {
                return new ClusterReport(expected, SLOTS);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the Redis cluster did not reach cluster_state:ok with all " + SLOTS
                + " slots in " + TIMEOUT.toSeconds() + " s");
    }

    private static boolean clusterOk(RedisCommands<String, String> c) {
        return c.clusterInfo().contains("cluster_state:ok");
    }

    /** Slots some master owns, according to this node's view of CLUSTER NODES. */
    static int coveredSlots(RedisCommands<String, String> c) {
        BitSet covered = new BitSet(SLOTS);
        for (String line : c.clusterNodes().split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length < 8 || !fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            for (int f = 8; f < fields.length; f++) {
                markSlots(fields[f], covered);
            }
        }
        return covered.cardinality();
    }

    private static int ownSlots(RedisCommands<String, String> c) {
        BitSet own = new BitSet(SLOTS);
        for (String line : c.clusterNodes().split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length >= 8 && fields[2].contains("myself")) {
                for (int f = 8; f < fields.length; f++) {
                    markSlots(fields[f], own);
                }
            }
        }
        return own.cardinality();
    }

    private static int knownMasters(RedisCommands<String, String> c) {
        return (int) c.clusterNodes()
                .lines()
                .map(l -> l.split(" "))
                .filter(f -> f.length >= 8 && f[2].contains("master") && !f[2].contains("fail") && f.length > 8)
                .count();
    }

    private static void markSlots(String field, BitSet slots) {
        if (field.startsWith("[")) {
            return; // a slot being migrated or imported
        }
        int dash = field.indexOf('-');
        if (dash < 0) {
            slots.set(Integer.parseInt(field));
        } else {
            slots.set(Integer.parseInt(field.substring(0, dash)), Integer.parseInt(field.substring(dash + 1)) + 1);
        }
    }

    private static RedisURI uri(Node node) {
        return RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(node.port())
                .withPassword(node.password().toCharArray())
                .withTimeout(Duration.ofSeconds(5))
                .build();
    }
}
