package io.devstack.infra.cli;

import io.devstack.infra.ops.CaChain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code devstack vault ca-cert}: the PEM chain to trust for the stack's TLS, e.g. {@code > devstack-ca.pem}. */
@Command(
        name = "ca-cert",
        mixinStandardHelpOptions = true,
        description = "Print the CA chain (intermediate, then root; PEM) that signs the stack's certificates.")
final class VaultCaCertCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        System.out.print(CaChain.pem());
        return 0;
    }
}
