package io.devstack.infra.cli;

import io.devstack.infra.ops.BackupStore;
import java.util.List;
import java.util.Locale;

/** The {@code backup --list} table and human sizes. */
final class BackupListing {

    private BackupListing() {}

    static String table(List<BackupStore.Stored> backups) {
        TextTable table = new TextTable("name", "created (UTC)", "size", "encrypted", "services");
        for (BackupStore.Stored b : backups) {
            table.row(
                    b.manifest().name(),
                    b.manifest().created().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                    size(b.manifest().totalSize()),
                    b.manifest().encrypted() ? "yes" : "no",
                    String.join(",", b.manifest().services().keySet()));
        }
        return table.render();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
