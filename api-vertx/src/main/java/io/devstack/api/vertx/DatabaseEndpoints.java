package io.devstack.api.vertx;

import io.devstack.common.service.DatabaseService;
import io.vertx.ext.web.Router;

/** {@code /examples/database/postgres|mysql|mongodb/query}. */
final class DatabaseEndpoints {

    private final DatabaseService databases;
    private final Offload offload;

    DatabaseEndpoints(DatabaseService databases, Offload offload) {
        this.databases = databases;
        this.offload = offload;
    }

    void mount(Router router) {
        router.get("/examples/database/postgres/query").handler(ctx -> offload.respond(ctx, databases::postgres));
        router.get("/examples/database/mysql/query").handler(ctx -> offload.respond(ctx, databases::mysql));
        router.get("/examples/database/mongodb/query").handler(ctx -> offload.respond(ctx, databases::mongodb));
    }
}
