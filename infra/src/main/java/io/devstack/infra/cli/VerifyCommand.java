package io.devstack.infra.cli;

import io.devstack.infra.ops.BackupStore;
import io.devstack.infra.runtime.StackException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack verify NAME|--all}: every file of a backup against its manifest's size and SHA-256. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check backups against their manifests (size and SHA-256 of every file; no passphrase needed). "
                + "Exit 1 if one fails.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(paramLabel = "NAME", description = "A backup name, or a backup folder.")
        String name;

        @Option(names = "--all", description = "Every backup.")
        boolean all;
    }

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description = "Where backup folders are (default $DEVSTACK_HOME/backups).")
    Path from;

    @Override
    public Integer call() {
        BackupStore store = BackupStore.at(from, root.localRuntime().home());
        List<BackupStore.Stored> backups = which.all ? store.list() : List.of(store.open(which.name));
        if (backups.isEmpty()) {
            throw new StackException(
                    "no backups in " + store.root() + " — make one with ./devstack backup", StackException.EXIT_FAILED);
        }
        int failed = 0;
        for (BackupStore.Stored backup : backups) {
            List<String> problems = backup.manifest().problems(backup.folder());
            System.out.println(backup.manifest().name() + ": "
                    + (problems.isEmpty()
                            ? "ok (" + backup.manifest().files().size() + " files match their SHA-256)"
                            : "FAILED"));
            problems.forEach(p -> System.out.println("  " + p));
            failed += problems.isEmpty() ? 0 : 1;
        }
        return failed == 0 ? 0 : StackException.EXIT_FAILED;
    }
}
