package io.devstack.api.helidon;

import io.devstack.common.service.DatabaseService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /examples/database/{postgres|mysql|mongodb}/query}. */
final class DatabaseEndpoints implements HttpService {

    private final DatabaseService databases;

    DatabaseEndpoints(DatabaseService databases) {
        this.databases = databases;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/examples/database/postgres/query", this::postgres)
                .get("/examples/database/mysql/query", this::mysql)
                .get("/examples/database/mongodb/query", this::mongodb);
    }

    private void postgres(ServerRequest req, ServerResponse res) {
        Responses.write(res, databases.postgres());
    }

    private void mysql(ServerRequest req, ServerResponse res) {
        Responses.write(res, databases.mysql());
    }

    private void mongodb(ServerRequest req, ServerResponse res) {
        Responses.write(res, databases.mongodb());
    }
}
