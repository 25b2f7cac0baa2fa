package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class DatabaseEndpointsTest extends ApiTestBase {

    @Test
    void postgresAnswersItsTimestampInUtcWithMicroseconds(VertxTestContext ctx) {
        verify(ctx, client.get("/examples/database/postgres/query").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactly("database", "query", "result");
            assertThat(body.getString("database")).isEqualTo("PostgreSQL");
            assertThat(body.getString("query")).isEqualTo("SELECT current_timestamp");
            assertThat(body.getString("result")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        });
    }

    @Test
    void mysqlAnswersNowInUtc(VertxTestContext ctx) {
        verify(ctx, client.get("/examples/database/mysql/query").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("database")).isEqualTo("MySQL");
            assertThat(body.getString("query")).isEqualTo("SELECT NOW()");
            assertThat(body.getString("result")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        });
    }

    @Test
    void mongodbListsTheCollectionsOfItsDatabase(VertxTestContext ctx) {
        verify(ctx, client.get("/examples/database/mongodb/query").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactly("database", "collections", "count");
            assertThat(body.getString("database")).isEqualTo("MongoDB");
            assertThat(body.getInteger("count"))
                    .isEqualTo(body.getJsonArray("collections").size());
        });
    }

    @Test
    void aDatabaseRouteTakesOnlyGet(VertxTestContext ctx) {
        verify(ctx, client.post("/examples/database/postgres/query").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.getHeader("Allow")).isEqualTo("GET");
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("MethodNotAllowed");
        });
    }
}
