package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import org.junit.jupiter.api.Test;

/** {@code /redis/cluster/nodes|slots|info} and {@code /redis/nodes/{node_name}/info} against the 3-node cluster. */
class RedisClusterEndpointsTest extends ApiTestBase {

    private final Http1Client client;

    RedisClusterEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @Test
    void nodesListTheThreeMasters() throws Exception {
        JsonNode body = ok("/redis/cluster/nodes");

        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("total_nodes").asInt()).isEqualTo(3);
        assertThat(body.get("nodes").get(0).get("slot_ranges").isArray()).isTrue();
    }

    @Test
    void slotsCoverTheWholeKeySpace() throws Exception {
        JsonNode body = ok("/redis/cluster/slots");

        assertThat(body.get("max_slots").asInt()).isEqualTo(16384);
        assertThat(body.get("coverage_percentage").asDouble()).isEqualTo(100.0);
    }

    @Test
    void clusterInfoHasNumbersAsNumbers() throws Exception {
        JsonNode info = ok("/redis/cluster/info").get("cluster_info");

        assertThat(info.get("cluster_state").asText()).isEqualTo("ok");
        assertThat(info.get("cluster_slots_assigned").isNumber()).isTrue();
    }

    @Test
    void nodeInfoByConfiguredName() throws Exception {
        JsonNode body = ok("/redis/nodes/redis-2/info");

        assertThat(body.get("node").asText()).isEqualTo("redis-2");
        assertThat(body.get("info").get("redis_version").asText()).isNotBlank();
    }

    @Test
    void unknownNodeNameIsResourceNotFound() {
        ClientResponseTyped<String> response = client.get("/redis/nodes/redis-9/info")
                .header(HeaderNames.create("X-Request-ID"), "no-such-node")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(response.entity())
                .isEqualTo("{\"error\":\"ResourceNotFound\",\"message\":\"redis_node 'redis-9' not found\","
                        + "\"status_code\":404,\"details\":{\"resource_type\":\"redis_node\","
                        + "\"resource_id\":\"redis-9\"},"
                        + "\"request_id\":\"no-such-node\"}");
    }

    private JsonNode ok(String path) throws Exception {
        ClientResponseTyped<String> response = client.get(path).request(String.class);
        assertThat(response.status().code()).as(response.entity()).isEqualTo(200);
        return Json.tree(response.entity().getBytes());
    }
}
