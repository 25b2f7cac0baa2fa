package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import org.junit.jupiter.api.Test;

/** {@code /examples/database/{postgres|mysql|mongodb}/query} against the real databases. */
class DatabaseEndpointsTest extends ApiTestBase {

    private final Http1Client client;

    DatabaseEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @Test
    void postgresAnswersItsTimestampInUtcMicroseconds() {
        ClientResponseTyped<String> response =
                client.get("/examples/database/postgres/query").request(String.class);

        assertThat(response.status().code()).as(response.entity()).isEqualTo(200);
        assertThat(response.entity())
                .matches("\\{\"database\":\"PostgreSQL\",\"query\":\"SELECT current_timestamp\","
                        + "\"result\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\"}");
    }

    @Test
    void mysqlAnswersNow() {
        ClientResponseTyped<String> response =
                client.get("/examples/database/mysql/query").request(String.class);

        assertThat(response.status().code()).as(response.entity()).isEqualTo(200);
        assertThat(response.entity())
                .matches("\\{\"database\":\"MySQL\",\"query\":\"SELECT NOW\\(\\)\","
                        + "\"result\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"}");
    }

    @Test
    void mongodbListsItsCollectionsSorted() throws Exception {
        ClientResponseTyped<String> response =
                client.get("/examples/database/mongodb/query").request(String.class);

        assertThat(response.status().code()).as(response.entity()).isEqualTo(200);
        JsonNode body = Json.tree(response.entity().getBytes());
        assertThat(body.get("database").asText()).isEqualTo("MongoDB");
        assertThat(body.get("collections").size()).isEqualTo(body.get("count").asInt());
    }
}
