package io.devstack.infra.cli;

import io.devstack.infra.Progress;
import io.devstack.infra.local.RedisClusterInitializer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code devstack redis-cluster-init}: forms the Redis cluster if needed (idempotent; {@code up} does it too). */
@Command(
        name = "redis-cluster-init",
        mixinStandardHelpOptions = true,
        description = "Assign the 16384 slots to the Redis nodes and join them (idempotent).")
final class RedisClusterInitCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand root;

    @Override
    public Integer call() {
        RedisClusterInitializer.ClusterReport report = root.localRuntime().initRedisCluster(Progress.console());
        System.out.println("Redis cluster ok: " + report.nodes() + " masters, " + report.coveredSlots()
                + " of 16384 slots covered.");
        return 0;
    }
}
