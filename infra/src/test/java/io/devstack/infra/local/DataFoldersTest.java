package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFoldersTest {

    @TempDir
    Path root;

    @Test
    void aFirstRunIsBuiltInAScratchFolderAndMovedIntoPlaceWhole() throws IOException {
        Path data = root.resolve("postgres");

        DataFolders.initialise("postgres", data, "PG_VERSION", scratch -> {
            assertThat(scratch).isNotEqualTo(data);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch)))
                    .isEqualTo("rwx------");
            Files.writeString(scratch.resolve("PG_VERSION"), "17\n");
        });

        assertThat(DataFolders.isInitialised(data, "PG_VERSION")).isTrue();
        assertThat(root.resolve("postgres.init")).doesNotExist();
    }

    @Test
    void aFailedFirstRunLeavesNoDataFolderAndTheNextOneStartsClean() throws IOException {
        Path data = root.resolve("mysql");
        assertThatThrownBy(() -> DataFolders.initialise("mysql", data, "mysql", scratch -> {
                    Files.writeString(scratch.resolve("half-written"), "x");
                    throw new IOException("install failed");
                }))
                .hasRootCauseMessage("install failed");
        assertThat(data).doesNotExist();

        DataFolders.initialise("mysql", data, "mysql", scratch -> Files.createDirectory(scratch.resolve("mysql")));

        assertThat(data.resolve("mysql")).isDirectory();
        assertThat(data.resolve("half-written")).doesNotExist();
    }

    @Test
    void aFolderWithFilesButNoMarkerIsRefusedAndKept() throws IOException {
        Path data = Files.createDirectories(root.resolve("postgres"));
        Files.writeString(data.resolve("base"), "someone's rows");

        assertThatThrownBy(() -> DataFolders.initialise("postgres", data, "PG_VERSION", scratch -> {}))
                .isInstanceOf(ServiceStartException.class)
                .hasMessage("postgres: the data folder " + data + " has files but no PG_VERSION (damaged, or not this"
                        + " server's): move it away to start empty, or run `devstack down --volumes` to delete every"
                        + " service's data");
        assertThat(data.resolve("base")).hasContent("someone's rows");
    }
}
