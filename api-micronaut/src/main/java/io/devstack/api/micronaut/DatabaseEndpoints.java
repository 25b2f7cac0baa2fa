package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.DatabaseService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /examples/database/{postgres|mysql|mongodb}/query}. */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class DatabaseEndpoints {

    private final DatabaseService databases;

    DatabaseEndpoints(ApiServices services) {
        this.databases = services.databases();
    }

    @Get("/examples/database/postgres/query")
    HttpResponse<byte[]> postgres() {
        return Responses.write(databases.postgres());
    }

    @Get("/examples/database/mysql/query")
    HttpResponse<byte[]> mysql() {
        return Responses.write(databases.mysql());
    }

    @Get("/examples/database/mongodb/query")
    HttpResponse<byte[]> mongodb() {
        return Responses.write(databases.mongodb());
    }
}
