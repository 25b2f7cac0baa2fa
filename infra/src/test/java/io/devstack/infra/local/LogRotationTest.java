package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRotationTest {

    @Test
    void aLogOverTheLimitMovesToGenerationOneAndTheOldestBeyondTheLastIsDropped(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("api-spring.log");
        for (int round = 1; round <= LogRotation.GENERATIONS + 1; round++) {
            grow(log, LogRotation.MAX_BYTES + round);
            assertThat(LogRotation.rotateAll(dir)).containsExactly(log);
        }

        assertThat(log).isEmptyFile();
        // the newest generation is the last one rotated; each older one moved up by one
        for (int generation = 1; generation <= LogRotation.GENERATIONS; generation++) {
            assertThat(Files.size(LogRotation.generation(log, generation)))
                    .isEqualTo(LogRotation.MAX_BYTES + LogRotation.GENERATIONS + 2 - generation);
        }
        assertThat(LogRotation.generation(log, LogRotation.GENERATIONS + 1)).doesNotExist();
    }

    @Test
    void logsAtTheLimitAndFilesThatAreNotLogsAreLeftAlone(@TempDir Path dir) throws Exception {
        Path atLimit = dir.resolve("redis-1.log");
        Path notALog = dir.resolve("redis-1.log.1");
        grow(atLimit, LogRotation.MAX_BYTES);
        grow(notALog, LogRotation.MAX_BYTES + 1);

        assertThat(LogRotation.rotateAll(dir)).isEmpty();
        assertThat(Files.size(atLimit)).isEqualTo(LogRotation.MAX_BYTES);
    }

    /** A file of {@code size} bytes without writing them (sparse): only the size matters to the rotation. */
    private static void grow(Path file, long size) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
