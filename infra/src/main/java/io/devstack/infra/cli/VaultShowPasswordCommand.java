package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.model.SecretSpec;
import io.devstack.infra.model.VaultLayout;
import io.devstack.infra.runtime.StackException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack vault show-password <service>}: prints one credential from Vault, and nothing else. */
@Command(
        name = "show-password",
        mixinStandardHelpOptions = true,
        description = "Print a service's password from Vault (only the value, for scripts).")
final class VaultShowPasswordCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Parameters(
            paramLabel = "SERVICE",
            completionCandidates = SecretNames.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String service;

    @Option(
            names = "--field",
            defaultValue = "password",
            description = "Which field of the secret (default password; e.g. user; MariaDB's root is mysql-root).")
    String field;

    @Override
    public Integer call() {
        Map<String, String> secret =
                vault.root.localRuntime().runningVault(Progress.SILENT).admin().readSecret(service);
        String value = secret.get(field);
        if (value == null) {
            throw new StackException(
                    "Vault secret '" + service + "' has no field '" + field + "' — fields: "
                            + String.join(", ", secret.keySet()),
                    StackException.EXIT_FAILED);
        }
        System.out.println(value);
        return 0;
    }

    /** The secrets the stack keeps in Vault ({@link VaultLayout#standard()}). */
    static final class SecretNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return VaultLayout.standard().secrets().stream()
                    .map(SecretSpec::name)
                    .iterator();
        }
    }
}
