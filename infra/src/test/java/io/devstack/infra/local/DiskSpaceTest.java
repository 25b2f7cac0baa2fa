package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full disk itself is filled for real by fault-tests' FullDisk (a tmpfs); here the rule and the line. */
class DiskSpaceTest {

    private static final long MB = 1024L * 1024;

    @TempDir
    Path root;

    @Test
    void underSixteenMegabytesFreeIsAFullDiskNamedInOneLineWithTheFix() {
        Path data = root.resolve("data");

        assertThat(DiskSpace.fullDisk(data, 3 * MB, 256 * MB))
                .contains("the disk holding " + data + " is full (3 MB free of 256 MB): free some space there (or"
                        + " point DEVSTACK_HOME at a bigger disk), then run ./devstack up again");
        assertThat(DiskSpace.fullDisk(data, DiskSpace.FULL_BELOW_BYTES, 256 * MB))
                .isEmpty();
    }

    @Test
    void aHomeNotMadeYetOrOnADiskWithRoomIsNotFull() throws IOException {
        assertThat(DiskSpace.fullDisk(new DevstackHome(root.resolve("not-yet"))))
                .isEmpty();

        Files.createDirectories(root.resolve("data"));
        // the temporary folder's disk has room: the build itself just wrote to it
        assertThat(DiskSpace.fullDisk(new DevstackHome(root))).isEmpty();
    }
}
