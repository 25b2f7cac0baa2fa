package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class DatabaseEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void postgresAnswersItsTimestampInUtcMicroseconds() {
        JsonNode body = ok(get(client, "/examples/database/postgres/query"), "database", "query", "result");

        assertThat(body.get("database").asText()).isEqualTo("PostgreSQL");
        assertThat(body.get("result").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void mysqlAnswersNow() {
        JsonNode body = ok(get(client, "/examples/database/mysql/query"), "database", "query", "result");

        assertThat(body.get("database").asText()).isEqualTo("MySQL");
        assertThat(body.get("result").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void mongodbListsItsCollections() {
        JsonNode body = ok(get(client, "/examples/database/mongodb/query"), "database", "collections", "count");

        assertThat(body.get("database").asText()).isEqualTo("MongoDB");
        assertThat(body.get("collections")).hasSize(body.get("count").asInt());
    }

    @Test
    void anotherDatabaseIsNotARoute() {
        envelope(get(client, "/examples/database/oracle/query"), 404, "NotFound");
    }

    @Test
    void deletingAQueryIsNotAllowed() {
        Reply reply = call(client, HttpRequest.DELETE("/examples/database/postgres/query"));

        envelope(reply, 405, "MethodNotAllowed");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }
}
