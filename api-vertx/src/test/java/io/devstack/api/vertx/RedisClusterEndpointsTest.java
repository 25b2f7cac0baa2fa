package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class RedisClusterEndpointsTest extends ApiTestBase {

    @Test
    void nodesListsTheThreeMasters(VertxTestContext ctx) {
        verify(ctx, client.get("/redis/cluster/nodes").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("status")).isEqualTo("success");
            assertThat(body.getInteger("total_nodes")).isEqualTo(3);
            JsonObject first = body.getJsonArray("nodes").getJsonObject(0);
            assertThat(first.fieldNames())
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
        });
    }

    @Test
    void slotsCoverTheWholeKeySpace(VertxTestContext ctx) {
        verify(ctx, client.get("/redis/cluster/slots").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getInteger("total_slots")).isEqualTo(16384);
            assertThat(body.getInteger("max_slots")).isEqualTo(16384);
            assertThat(body.getDouble("coverage_percentage")).isEqualTo(100.0);
        });
    }

    @Test
    void infoGivesClusterInfoFieldsAsNumbers(VertxTestContext ctx) {
        verify(ctx, client.get("/redis/cluster/info").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject info = response.bodyAsJsonObject().getJsonObject("cluster_info");
            assertThat(info.getString("cluster_state")).isEqualTo("ok");
            assertThat(info.getValue("cluster_slots_assigned")).isEqualTo(16384);
        });
    }

    @Test
    void oneNodesInfo(VertxTestContext ctx) {
        verify(ctx, client.get("/redis/nodes/redis-1/info").send(), response -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactly("status", "node", "info");
            assertThat(body.getString("node")).isEqualTo("redis-1");
            assertThat(body.getJsonObject("info").getString("redis_version")).isNotBlank();
        });
    }

    @Test
    void anUnknownNodeIsResourceNotFound(VertxTestContext ctx) {
        verify(ctx, client.get("/redis/nodes/redis-9/info").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("error")).isEqualTo("ResourceNotFound");
            assertThat(body.getJsonObject("details").getString("resource_id")).isEqualTo("redis-9");
        });
    }
}
