package io.devstack.common.redis;

import static io.devstack.common.redis.ClusterNodesParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against INFO and CLUSTER INFO captured from a real Redis 6.2.11 cluster node. */
class InfoParserTest {

    @Test
    void clusterInfoFieldsKeepTheirOrderAndIntegersAreNumbers() {
        Map<String, Object> info = InfoParser.parse(resource("cluster-info.txt"));

        assertThat(info.keySet()).startsWith("cluster_state", "cluster_slots_assigned", "cluster_slots_ok");
        assertThat(info)
                .containsEntry("cluster_state", "ok")
                .containsEntry("cluster_slots_assigned", 16384L)
                .containsEntry("cluster_known_nodes", 3L)
                .containsEntry("cluster_size", 3L)
                .containsEntry("cluster_stats_messages_received", 19L);
        assertThat(info).hasSize(16);
    }

    @Test
    void infoSectionsMergeIntoOneMapWithTypedValues() {
        Map<String, Object> info = InfoParser.parse(resource("info-node.txt"));

        assertThat(info)
                .containsEntry("redis_version", "6.2.11")
                .containsEntry("redis_git_sha1", "00000000")
                .containsEntry("redis_mode", "cluster")
                .containsEntry("tcp_port", 16403L)
                .containsEntry("connected_clients", 1L)
                .containsEntry("cluster_enabled", 1L)
                .containsEntry("role", "master")
                .containsEntry("os", "Linux 6.18.44-fc-v857 x86_64")
                .containsEntry("config_file", "");
        assertThat(info.get("run_id")).isInstanceOf(String.class);
        assertThat(info.get("used_memory_human")).isInstanceOf(String.class);
        assertThat(info.get("mem_fragmentation_ratio")).isInstanceOf(BigDecimal.class);
        assertThat(info).doesNotContainKey("# Server");
    }

    @Test
    void keyValueListsBecomeNestedMaps() {
        Map<String, Object> info = InfoParser.parse("""
                # Keyspace\r
                db0:keys=1,expires=0,avg_ttl=0\r
                # Commandstats\r
                cmdstat_get:calls=2,usec=15,usec_per_call=7.50,rejected_calls=0,failed_calls=0\r
                # Replication\r
                slave0:ip=127.0.0.1,port=16404,state=online,offset=0,lag=1\r
                """);

        assertThat(info.get("db0")).isEqualTo(Map.of("keys", 1L, "expires", 0L, "avg_ttl", 0L));
        assertThat(info.get("cmdstat_get"))
                .isEqualTo(Map.of(
                        "calls",
                        2L,
                        "usec",
                        15L,
                        "usec_per_call",
                        new BigDecimal("7.50"),
                        "rejected_calls",
                        0L,
                        "failed_calls",
                        0L));
        assertThat(info.get("slave0"))
                .isEqualTo(Map.of("ip", "127.0.0.1", "port", 16404L, "state", "online", "offset", 0L, "lag", 1L));
    }

    @Test
    void negativeNumbersAndLeadingZerosAreHandled() {
        Map<String, Object> info = InfoParser.parse("second_repl_offset:-1\nmaster_replid2:0000000000\nx:007\n");

        assertThat(info)
                .containsEntry("second_repl_offset", -1L)
                .containsEntry("master_replid2", "0000000000")
                .containsEntry("x", "007");
    }
}
