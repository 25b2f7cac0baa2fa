package io.devstack.api.javalin;

import io.devstack.common.service.DatabaseService;
import io.javalin.http.Context;

/** {@code /examples/database/{postgres|mysql|mongodb}/query}: one example query each, on pooled connections. */
final class DatabaseEndpoints {

    private final DatabaseService databases;

    DatabaseEndpoints(DatabaseService databases) {
        this.databases = databases;
    }

    void postgres(Context ctx) {
        Responses.write(ctx, databases.postgres());
    }

    void mysql(Context ctx) {
        Responses.write(ctx, databases.mysql());
    }

    void mongodb(Context ctx) {
        Responses.write(ctx, databases.mongodb());
    }
}
