package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DatabaseEndpointsTest extends ApiTestBase {

    @Test
    void postgresAnswersItsTimestampInUtcWithMicroseconds(RunningApi api) {
        JsonNode body = api.getOk("/examples/database/postgres/query");

        assertThat(body.get("database").asText()).isEqualTo("PostgreSQL");
        assertThat(body.get("query").asText()).isEqualTo("SELECT current_timestamp");
        assertThat(body.get("result").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void mysqlAnswersItsSessionTime(RunningApi api) {
        JsonNode body = api.getOk("/examples/database/mysql/query");

        assertThat(body.get("database").asText()).isEqualTo("MySQL");
        assertThat(body.get("query").asText()).isEqualTo("SELECT NOW()");
        assertThat(body.get("result").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void mongodbListsTheCollectionsOfItsDatabase(RunningApi api) {
        JsonNode body = api.getOk("/examples/database/mongodb/query");

        assertThat(keys(body)).containsExactly("database", "collections", "count");
        assertThat(body.get("database").asText()).isEqualTo("MongoDB");
        assertThat(body.get("count").asInt()).isEqualTo(body.get("collections").size());
    }
}
