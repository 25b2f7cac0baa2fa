package io.devstack.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A database's data folder is made once and never deleted by a launcher: only {@code devstack down --volumes} removes
 * it. A first-run initialisation writes into a scratch folder beside it and renames that into place when it is
 * complete, so a crash half-way leaves no half-made data folder; a folder without the server's marker file is someone's
 * data (damaged, or another server's) and is refused with what to do, never wiped.
 */
final class DataFolders {

    /** The work a first-run initialisation does in the (empty, 0700) folder it is given. */
    @FunctionalInterface
    interface Initialisation {
        void into(Path scratch) throws IOException;
    }

    private DataFolders() {}

    /** True when {@code data} holds {@code marker}: initialised, start it as it is. */
    static boolean isInitialised(Path data, String marker) {
        return Files.exists(data.resolve(marker));
    }

    /**
     * Initialises {@code data} through {@code init}; refuses when {@code data} exists with content but without
     * {@code marker}.
     */
    static void initialise(String service, Path data, String marker, Initialisation init) {
        refuseDamaged(service, data, marker);
        Path scratch = data.resolveSibling(data.getFileName() + ".init");
        try {
            deleteScratch(scratch); // left by an interrupted first run: never held data
            Files.createDirectories(scratch);
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx------"));
            init.into(scratch);
            Files.deleteIfExists(data); // only ever an empty folder here (refuseDamaged)
            Files.move(scratch, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuseDamaged(String service, Path data, String marker) {
        if (!Files.isDirectory(data)) {
            if (Files.exists(data)) {
                throw new ServiceStartException(
                        service, data + " is not a folder; move it away and run up again", List.of());
            }
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            if (entries.findAny().isPresent()) {
                throw new ServiceStartException(
                        service,
                        "the data folder " + data + " has files but no " + marker
                                + " (damaged, or not this server's): move it away to start empty, or run `devstack down"
                                + " --volumes` to delete every service's data",
                        List.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteScratch(Path scratch) throws IOException {
        if (!Files.exists(scratch)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
