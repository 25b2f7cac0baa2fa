package io.devstack.infra.local;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The free space of the disk that holds the home's data folder: a full disk is named in one line, instead of each
 * server's own error (OpenBao losing its raft leadership, a failed AOF write) surfacing later as something else.
 */
public final class DiskSpace {

    /** Below this the backends cannot write their next log segment or page: the disk counts as full. */
    static final long FULL_BELOW_BYTES = 16L * 1024 * 1024;

    private static final long MB = 1024L * 1024;

    private DiskSpace() {}

    /** One line naming the full disk and what to do, or empty when there is room (or no home yet). */
    public static Optional<String> fullDisk(DevstackHome home) {
        Path where = Files.isDirectory(home.dataRoot()) ? home.dataRoot() : home.root();
        if (!Files.isDirectory(where)) {
            return Optional.empty();
        }
        try {
            FileStore store = Files.getFileStore(where);
            return fullDisk(where, store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            return Optional.empty(); // unknown is not full: the servers report their own errors
        }
    }

    /** The line for {@code where} with {@code free} of {@code total} bytes, when that counts as full. */
    static Optional<String> fullDisk(Path where, long free, long total) {
        if (free >= FULL_BELOW_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "the disk holding %s is full (%d MB free of %d MB): free some space there (or point %s at a"
                        + " bigger disk), then run ./devstack up again",
                where, free / MB, total / MB, DevstackHome.ENV));
    }
}
