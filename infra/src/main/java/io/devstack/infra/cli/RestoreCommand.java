package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.ops.BackupCipher;
import io.devstack.infra.ops.BackupStore;
import io.devstack.infra.ops.StackBackup;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack restore NAME}: the stack back to exactly a backup's state (asks first). */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Bring the stack back to a backup's state: Vault, then every data service (starts the stack "
                + "if it is stopped). Refuses a backup whose checksums fail.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Parameters(paramLabel = "NAME", description = "A backup name from ./devstack backup --list, or a backup folder.")
    String name;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask before overwriting the stack's data.")
    boolean yes;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Passphrase of an encrypted backup (first line).")
    Path passphraseFile;

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description = "Where backup folders are (default $DEVSTACK_HOME/backups).")
    Path from;

    @Override
    public Integer call() {
        StackBackup stack = new StackBackup(root.nativeRuntime("restore"));
        BackupStore.Stored backup =
                BackupStore.at(from, root.localRuntime().home()).open(name);
        StackBackup.requireIntact(backup);
        Prompts.confirm(
                "Replace ALL data of the stack (Vault, databases, Redis, queues) with backup "
                        + backup.manifest().name() + "?",
                yes);
        BackupCipher cipher = null;
        if (backup.manifest().encrypted()) {
            char[] passphrase = Prompts.passphrase(passphraseFile, false);
            cipher = BackupCipher.open(passphrase, backup.manifest().encryption());
            Arrays.fill(passphrase, '\0');
        }
        long started = System.nanoTime();
        stack.restore(backup, cipher, Progress.console());
        System.out.printf(
                "Restored backup %s (%s) in %.1f s.%n",
                backup.manifest().name(),
                String.join(", ", backup.manifest().services().keySet()),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
