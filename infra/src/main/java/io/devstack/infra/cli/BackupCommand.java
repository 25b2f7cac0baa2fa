package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.ops.BackupCipher;
import io.devstack.infra.ops.BackupManifest;
import io.devstack.infra.ops.BackupStore;
import io.devstack.infra.ops.StackBackup;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code devstack backup}: every data service and Vault into a new timestamped folder with a manifest; or {@code
 * --list}.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Back up every running data service and Vault (PostgreSQL and the AMQP broker pause for a "
                + "few seconds), or list the backups.")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Option(
            names = "--encrypt",
            description = "Encrypt every file (AES-256-GCM, key from the passphrase with Argon2id).")
    boolean encrypt;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Read the passphrase from this file's first line instead of asking.")
    Path passphraseFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where backup folders go (default $DEVSTACK_HOME/backups).")
    Path out;

    @Option(names = "--list", description = "List the backups (date, size, encrypted) instead of making one.")
    boolean list;

    @Override
    public Integer call() {
        BackupStore store = BackupStore.at(out, root.localRuntime().home());
        if (list) {
            return list(store);
        }
        BackupCipher cipher = null;
        if (encrypt || passphraseFile != null) {
            char[] passphrase = Prompts.passphrase(passphraseFile, true);
            cipher = BackupCipher.create(passphrase);
            Arrays.fill(passphrase, '\0');
        }
        long started = System.nanoTime();
        BackupStore.Stored backup =
                new StackBackup(root.nativeRuntime("backup")).backup(store, cipher, Progress.console());
        BackupManifest manifest = backup.manifest();
        System.out.printf(
                "Backup %s: %d services, %d files, %s%s, in %.1f s%n%s%n",
                manifest.name(),
                manifest.services().size(),
                manifest.files().size(),
                BackupListing.size(manifest.totalSize()),
                manifest.encrypted() ? ", encrypted" : "",
                (System.nanoTime() - started) / 1e9,
                backup.folder());
        return 0;
    }

    private static int list(BackupStore store) {
        var backups = store.list();
        if (backups.isEmpty()) {
            System.out.println("No backups in " + store.root() + " — make one with ./devstack backup");
            return 0;
        }
        System.out.print(BackupListing.table(backups));
        return 0;
    }
}
