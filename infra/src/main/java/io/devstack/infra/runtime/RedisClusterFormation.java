package io.devstack.infra.runtime;

import io.devstack.infra.Progress;
import io.devstack.infra.local.BackendLauncher;
import io.devstack.infra.local.Readiness;
import io.devstack.infra.local.RedisClusterInitializer;
import io.devstack.infra.local.RedisLauncher;
import io.devstack.infra.local.SecretSource;
import io.devstack.infra.local.ServiceStartException;
import java.util.List;

/** The Redis cluster over the native nodes: formed after they start, formed again on demand, checked by health. */
final class RedisClusterFormation {

    private final NativeServices services;

    RedisClusterFormation(NativeServices services) {
        this.services = services;
    }

    /** The cluster nodes among {@code launchers}, each with the Vault password it was started with. */
    static List<RedisClusterInitializer.Node> nodes(List<BackendLauncher> launchers, SecretSource secrets) {
        return launchers.stream()
                .filter(b -> b instanceof RedisLauncher)
                .map(b -> (RedisLauncher) b)
                .map(r ->
                        new RedisClusterInitializer.Node(r.service(), r.port(), secrets.field(r.service(), "password")))
                .toList();
    }

    /** Forms the cluster of the nodes among {@code launchers} (none: nothing to do) as part of a start. */
    void formDuringStart(List<BackendLauncher> launchers, SecretSource secrets, Progress progress) {
        List<RedisClusterInitializer.Node> nodes = nodes(launchers, secrets);
        if (nodes.isEmpty()) {
            return;
        }
        try {
            RedisClusterInitializer.initialize(nodes, progress);
        } catch (RuntimeException e) {
            String first = nodes.getFirst().name();
            throw new ServiceStartException(
                    first, "cluster formation failed: " + Readiness.describe(e), services.lastLogLines(first));
        }
    }

    /** Forms (or verifies) the cluster of the running stack's nodes: the CLI's {@code redis-cluster-init}. */
    RedisClusterInitializer.ClusterReport formOnDemand(
            List<BackendLauncher> launchers, SecretSource secrets, Progress progress) {
        List<RedisClusterInitializer.Node> nodes = nodes(launchers, secrets);
        if (nodes.isEmpty()) {
            throw new StackException(
                    "no Redis node is part of the running stack — run ./devstack up first",
                    StackException.EXIT_NOT_RUNNING);
        }
        return RedisClusterInitializer.initialize(nodes, progress);
    }
}
