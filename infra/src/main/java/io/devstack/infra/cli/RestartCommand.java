package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code devstack restart [service]}: one service, or the whole stack with the profiles of the last {@code up}. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = "Restart one service (with Vault's current credentials), or the whole stack.")
final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "e.g. postgres, redis-2, vault (default: all)")
    String service;

    @Override
    public Integer call() {
        LocalRuntime runtime = root.nativeRuntime("restart");
        long started = System.nanoTime();
        if (service == null) {
            runtime.down(false, Progress.console());
            runtime.up(runtime.lastProfiles(), Progress.console());
        } else {
            runtime.stopService(service);
            runtime.startService(service, Progress.console());
        }
        System.out.printf(
                "Restarted %s in %.1f s.%n",
                service == null ? "the stack" : service, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
