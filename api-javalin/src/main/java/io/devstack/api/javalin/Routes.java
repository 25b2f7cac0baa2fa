package io.devstack.api.javalin;

import io.devstack.common.ApiServices;
import io.javalin.config.RoutesConfig;

/** The route table, in the order of docs/api-contract.md; each handler lives in its area's Endpoints file. */
final class Routes {

    private Routes() {}

    static void install(RoutesConfig routes, ApiServices services) {
        ServiceInfoEndpoints info = new ServiceInfoEndpoints(services.info());
        routes.get("/", info::root);
        routes.get("/openapi.json", info::openApi);
        routes.get("/docs", info::docs);
        routes.get("/docs/{asset}", info::docsAsset);
        routes.get("/metrics", info::metrics);

        HealthEndpoints health = new HealthEndpoints(services.health());
        routes.get("/health", health::redirect);
        routes.get("/health/", health::health);
        routes.get("/health/vault", health::vault);
        routes.get("/health/postgres", health::postgres);
        routes.get("/health/mysql", health::mysql);
        routes.get("/health/mongodb", health::mongodb);
        routes.get("/health/redis", health::redis);
        routes.get("/health/rabbitmq", health::rabbitmq);
        routes.get("/health/all", health::all);

        RedisClusterEndpoints redisCluster = new RedisClusterEndpoints(services.redisCluster());
        routes.get("/redis/cluster/nodes", redisCluster::nodes);
        routes.get("/redis/cluster/slots", redisCluster::slots);
        routes.get("/redis/cluster/info", redisCluster::info);
        routes.get("/redis/nodes/{node_name}/info", redisCluster::nodeInfo);

        VaultEndpoints vault = new VaultEndpoints(services.vault());
        routes.get("/examples/vault/secret/{service_name}", vault::secret);
        routes.get("/examples/vault/secret/{service_name}/{key}", vault::secretKey);

        DatabaseEndpoints databases = new DatabaseEndpoints(services.databases());
        routes.get("/examples/database/postgres/query", databases::postgres);
        routes.get("/examples/database/mysql/query", databases::mysql);
        routes.get("/examples/database/mongodb/query", databases::mongodb);

        CacheEndpoints cache = new CacheEndpoints(services.cache());
        routes.get("/examples/cache/{key}", cache::get);
        routes.post("/examples/cache/{key}", cache::set);
        routes.delete("/examples/cache/{key}", cache::delete);

        MessagingEndpoints messaging = new MessagingEndpoints(services.messaging());
        routes.post("/examples/messaging/publish", messaging::publish);
        routes.get("/examples/messaging/queue/{queue_name}/info", messaging::queueInfo);
    }
}
