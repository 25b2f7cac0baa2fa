package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class RedisClusterEndpointsTest extends ApiTestBase {

    @Test
    void nodesListTheThreeMasters() {
        EntityExchangeResult<String> nodes = get("/redis/cluster/nodes");

        assertThat(nodes.getStatus().value()).isEqualTo(200);
        assertThat(nodes.getResponseBody())
                .startsWith("{\"status\":\"success\",\"total_nodes\":3,\"nodes\":[{\"node_id\":");
    }

    @Test
    void slotsCoverTheWholeKeySpace() {
        assertThat(get("/redis/cluster/slots").getResponseBody())
                .startsWith("{\"status\":\"success\",\"total_slots\":16384,\"max_slots\":16384,"
                        + "\"coverage_percentage\":100.0,\"slot_distribution\":[");
    }

    @Test
    void clusterInfoGivesNumbersAsNumbers() {
        assertThat(get("/redis/cluster/info").getResponseBody())
                .startsWith("{\"status\":\"success\",\"cluster_info\":{\"cluster_state\":\"ok\","
                        + "\"cluster_slots_assigned\":16384,");
    }

    @Test
    void nodeInfoByNameAndAnUnknownNameIsResourceNotFound() {
        assertThat(get("/redis/nodes/redis-2/info").getResponseBody())
                .startsWith("{\"status\":\"success\",\"node\":\"redis-2\",\"info\":{")
                .contains("\"tcp_port\":6380");

        EntityExchangeResult<String> unknown = get("/redis/nodes/redis-9/info");
        assertEnvelope(unknown, 404, "ResourceNotFound");
        assertThat(unknown.getResponseBody()).contains("\"details\":{\"resource_type\":");
    }
}
