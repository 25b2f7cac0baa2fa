package io.devstack.infra.cli;

import io.devstack.infra.ops.ServiceShell;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack shell <service> [-- client arguments]}: the server's own client, logged in from Vault. */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = "Open a service's own client with its Vault credentials (psql, mariadb, redis-cli -c); stdin "
                + "passes through, e.g. echo 'SELECT 1' | devstack shell postgres. Exits with the client's code.")
final class ShellCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Parameters(
            index = "0",
            paramLabel = "SERVICE",
            completionCandidates = ShellServices.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String service;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Extra arguments for the client (after --).")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return new ServiceShell(root.nativeRuntime("shell")).run(service, arguments);
    }

    /** The services with a client to open ({@link ServiceShell#SERVICES}). */
    static final class ShellServices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ServiceShell.SERVICES.iterator();
        }
    }
}
