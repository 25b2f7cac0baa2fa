package io.devstack.infra.ops;

import io.devstack.infra.local.BinaryVersions;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Redis's own serialization, online: every key of every cluster node with {@code DUMP} and its remaining time
 * to live, brought back with {@code RESTORE … REPLACE} through a cluster connection (which sends each key to the
 * node owning its slot) after {@code FLUSHALL} on every node. Types, encodings and expiries are kept exactly.
 * File format: per key {@code int keyLength, key, long ttlMillis (0 = none), int dumpLength, dump}.
 */
final class RedisBackup implements ServiceBackup {

    private static final String DUMP = "keys.bin";

    @Override
    public String service() {
        return "redis";
    }

    @Override
    public String version(Stack stack) {
        return "Redis " + BinaryVersions.of("redis");
    }

    @Override
    public String method() {
        return "DUMP of every key on every node with its TTL (online), RESTORE … REPLACE";
    }

    @Override
    public void save(Path dir, Stack stack) throws Exception {
        char[] password = stack.secret(StackServices.redisNodeNames().getFirst())
                .get("password")
                .toCharArray();
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(DUMP))))) {
            for (StackService node : StackServices.redisNodes()) {
                RedisClient client = RedisClient.create(uri(node.mainPort(), password));
                try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
                    RedisCommands<byte[], byte[]> redis = connection.sync();
                    ScanCursor cursor = ScanCursor.INITIAL;
                    do {
                        KeyScanCursor<byte[]> page = redis.scan(cursor);
                        for (byte[] key : page.getKeys()) {
                            byte[] dump = redis.dump(key);
                            long ttl = redis.pttl(key);
                            if (dump != null && ttl != -2) {
                                out.writeInt(key.length);
                                out.write(key);
                                out.writeLong(Math.max(ttl, 0));
                                out.writeInt(dump.length);
                                out.write(dump);
                            }
                        }
                        cursor = page;
                    } while (!cursor.isFinished());
                } finally {
                    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                }
            }
        }
    }

    @Override
    public void load(Path dir, Stack stack) throws Exception {
        char[] password = stack.secret(StackServices.redisNodeNames().getFirst())
                .get("password")
                .toCharArray();
        for (StackService node : StackServices.redisNodes()) {
            RedisClient client = RedisClient.create(uri(node.mainPort(), password));
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().flushall();
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
        RedisClusterClient cluster = RedisClusterClient.create(
                uri(StackServices.redisNodes().getFirst().mainPort(), password));
        try (StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
                DataInputStream in =
                        new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(DUMP))))) {
            while (true) {
                int keyLength;
                try {
                    keyLength = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                byte[] key = in.readNBytes(keyLength);
                long ttl = in.readLong();
                byte[] dump = in.readNBytes(in.readInt());
                connection
                        .sync()
                        .restore(key, dump, RestoreArgs.Builder.ttl(ttl).replace());
            }
        } finally {
            cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static RedisURI uri(int port, char[] password) {
        return RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(port)
                .withPassword(password)
                .withTimeout(Duration.ofSeconds(10))
                .build();
    }
}
