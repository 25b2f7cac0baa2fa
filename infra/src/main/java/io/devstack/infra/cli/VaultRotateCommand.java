package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.ops.PasswordRotation;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack vault rotate <service>|--all}: a new password in Vault, then live on the server. */
@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        description = "Give a backend a new generated password: stored in Vault, then set on the running server at "
                + "once; the reference APIs pick it up without a restart, the old password stops working.")
final class VaultRotateCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(
                paramLabel = "SERVICE",
                completionCandidates = RotatableServices.class,
                description = "One of: ${COMPLETION-CANDIDATES} (redis: all three nodes).")
        String service;

        @Option(names = "--all", description = "Every backend, one after the other.")
        boolean all;
    }

    @Override
    public Integer call() {
        PasswordRotation rotation = new PasswordRotation(vault.root.nativeRuntime("vault rotate"));
        List<String> services = which.all ? PasswordRotation.SERVICES : List.of(which.service);
        for (String service : services) {
            List<String> secrets = rotation.rotate(service, Progress.console());
            System.out.println(service + ": password rotated (Vault " + String.join(", ", secrets)
                    + "); read it with ./devstack vault show-password " + secrets.getFirst());
        }
        return 0;
    }

    /** The services whose password can be rotated ({@link PasswordRotation#SERVICES}). */
    static final class RotatableServices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return PasswordRotation.SERVICES.iterator();
        }
    }
}
