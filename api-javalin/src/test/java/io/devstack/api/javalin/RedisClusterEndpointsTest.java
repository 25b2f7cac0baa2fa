package io.devstack.api.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class RedisClusterEndpointsTest extends ApiTestBase {

    @Test
    void nodesListsEveryClusterMember(RunningApi api) {
        JsonNode body = api.getOk("/redis/cluster/nodes");

        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("total_nodes").asInt()).isEqualTo(3);
        assertThat(body.get("nodes"))
                .allSatisfy(node -> assertThat(node.get("role").asText()).isEqualTo("master"));
    }

    @Test
    void slotsCoverTheWholeKeySpace(RunningApi api) {
        JsonNode body = api.getOk("/redis/cluster/slots");

        assertThat(body.get("total_slots").asInt()).isEqualTo(16384);
        assertThat(body.get("max_slots").asInt()).isEqualTo(16384);
        assertThat(body.get("coverage_percentage").asDouble()).isEqualTo(100.0);
        assertThat(body.get("slot_distribution")).hasSize(3);
    }

    @Test
    void infoGivesClusterInfoWithNumbersAsNumbers(RunningApi api) {
        JsonNode info = api.getOk("/redis/cluster/info").get("cluster_info");

        assertThat(info.get("cluster_state").asText()).isEqualTo("ok");
        assertThat(info.get("cluster_slots_assigned").isNumber()).isTrue();
    }

    @Test
    void nodeInfoOfAConfiguredNode(RunningApi api) {
        JsonNode body = api.getOk("/redis/nodes/redis-2/info");

        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("node").asText()).isEqualTo("redis-2");
        assertThat(body.at("/info/redis_version").asText()).isNotBlank();
        assertThat(body.at("/info/connected_clients").isNumber()).isTrue();
    }

    @Test
    void nodeInfoOfAnUnknownNodeIsResourceNotFound(RunningApi api) {
        HttpResponse<String> response = api.get("/redis/nodes/redis-9/info", "X-Request-ID", "redis-9-probe");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"ResourceNotFound\",\"message\":\"redis_node 'redis-9' not found\","
                        + "\"status_code\":404,\"details\":{\"resource_type\":\"redis_node\","
                        + "\"resource_id\":\"redis-9\"},"
                        + "\"request_id\":\"redis-9-probe\"}");
    }
}
