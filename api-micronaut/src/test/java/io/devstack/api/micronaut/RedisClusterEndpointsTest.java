package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class RedisClusterEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void nodesListsTheThreeMasters() {
        JsonNode body = ok(get(client, "/redis/cluster/nodes"), "status", "total_nodes", "nodes");

        assertThat(body.get("total_nodes").asInt()).isEqualTo(3);
        assertThat(keys(body.get("nodes").get(0)))
                .containsExactly(
                        "node_id",
                        "host",
                        "port",
                        "role",
                        "flags",
                        "master_id",
                        "ping_sent",
                        "pong_recv",
                        "config_epoch",
                        "link_state",
                        "slots_count",
                        "slot_ranges");
    }

    @Test
    void slotsCoverTheWholeKeySpace() {
        JsonNode body = ok(
                get(client, "/redis/cluster/slots"),
                "status",
                "total_slots",
                "max_slots",
                "coverage_percentage",
                "slot_distribution");

        assertThat(body.get("max_slots").asInt()).isEqualTo(16384);
        assertThat(body.get("coverage_percentage").asDouble()).isEqualTo(100.0);
    }

    @Test
    void infoHasClusterStateAndNumbersAsNumbers() {
        JsonNode info =
                ok(get(client, "/redis/cluster/info"), "status", "cluster_info").get("cluster_info");

        assertThat(info.get("cluster_state").asText()).isEqualTo("ok");
        assertThat(info.get("cluster_slots_assigned").isNumber()).isTrue();
    }

    @Test
    void nodeInfoOfAConfiguredNode() {
        JsonNode body = ok(get(client, "/redis/nodes/redis-2/info"), "status", "node", "info");

        assertThat(body.get("node").asText()).isEqualTo("redis-2");
        assertThat(body.get("info").get("redis_version").asText()).isNotBlank();
    }

    @Test
    void anUnknownNodeIsAResourceNotFound() {
        JsonNode details = envelope(get(client, "/redis/nodes/redis-9/info"), 404, "ResourceNotFound")
                .get("details");

        assertThat(keys(details)).containsExactly("resource_type", "resource_id");
        assertThat(details.get("resource_id").asText()).isEqualTo("redis-9");
    }
}
