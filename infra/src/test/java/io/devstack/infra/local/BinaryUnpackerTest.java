package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three Redis nodes start in parallel and share one binary: a first run must unpack it once, for all. */
class BinaryUnpackerTest {

    @TempDir
    Path bin;

    @Test
    void parallelFirstRunsUnpackOnceAndEveryCallerGetsAWholeExecutable() throws Exception {
        String resource = "redis-server-" + BinaryVersions.of("redis") + "-v5-linux-amd64";
        Path target = bin.resolve("redis");
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Path server =
                            BinaryUnpacker.unpackExecutable(resource, target, "redis-server", "Redis", Progress.SILENT);
                    // what the launcher does next: the file must be complete and executable right now
                    assertThat(server).isExecutable();
                    return server;
                }));
            }
            start.countDown();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(target.resolve("redis-server"));
            }
        }
        long size = Files.size(target.resolve("redis-server"));
        try (var in = BinaryUnpacker.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(size).isEqualTo(in.readAllBytes().length);
        }
        assertThat(BinaryUnpacker.unpacked(target)).isTrue();
    }
}
