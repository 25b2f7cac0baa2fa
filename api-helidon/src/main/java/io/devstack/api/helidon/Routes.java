package io.devstack.api.helidon;

import io.devstack.common.ApiServices;
import io.devstack.common.http.NotFoundException;
import io.helidon.webserver.http.HttpRouting;

/** The route table: the filter calling common's HttpFront, one HttpService per API area, then the error mapping. */
final class Routes {

    private Routes() {}

    static void routing(HttpRouting.Builder routing, ApiServices services) {
        routing.addFilter(new FrontFilter(services.front()))
                .register(
                        new ServiceInfoEndpoints(services.info()),
                        new HealthEndpoints(services.health()),
                        new RedisClusterEndpoints(services.redisCluster()),
                        new VaultEndpoints(services.vault()),
                        new DatabaseEndpoints(services.databases()),
                        new CacheEndpoints(services.cache()),
                        new MessagingEndpoints(services.messaging()))
                // HttpFront answers unknown paths first; this catches what the contract table knows but no route
                // matched
                .any((req, res) -> {
                    throw new NotFoundException(req.path().rawPath());
                });
        ErrorMapping.register(routing);
    }
}
