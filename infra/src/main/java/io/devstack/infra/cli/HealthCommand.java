package io.devstack.infra.cli;

import io.devstack.infra.runtime.ServiceHealth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack health}: one authenticated call per service with the Vault credentials. */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "Call every service with its Vault credentials (exit 1 if one is unhealthy).")
final class HealthCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Override
    public Integer call() {
        List<ServiceHealth> results = root.activeRuntime().health();
        TextTable table = new TextTable("service", "address", "health", "detail");
        results.forEach(h -> table.row(h.service(), h.address(), h.healthy() ? "healthy" : "UNHEALTHY", h.detail()));
        System.out.print(table.render());
        return results.stream().allMatch(ServiceHealth::healthy) ? 0 : 1;
    }
}
