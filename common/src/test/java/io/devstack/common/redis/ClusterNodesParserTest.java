package io.devstack.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against CLUSTER NODES output captured from a real Redis 6.2.11 cluster (test resources redis/). */
class ClusterNodesParserTest {

    @Test
    void threeMastersAreParsedAndSortedByAddress() {
        List<ClusterNode> nodes = ClusterNodesParser.parse(resource("cluster-nodes.txt"));

        assertThat(nodes).extracting(ClusterNode::port).containsExactly(16401, 16402, 16403);
        ClusterNode second = nodes.get(1);
        assertThat(second.nodeId()).isEqualTo("91835c7c1ac5d410981d401d400d8f722a2423b1");
        assertThat(second.host()).isEqualTo("127.0.0.1");
        assertThat(second.role()).isEqualTo("master");
        assertThat(second.flags()).containsExactly("myself", "master");
        assertThat(second.masterId()).isNull();
        assertThat(second.pingSent()).isZero();
        assertThat(second.pongRecv()).isEqualTo(1795893895000L);
        assertThat(second.configEpoch()).isZero();
        assertThat(second.linkState()).isEqualTo("connected");
        assertThat(second.slotsCount()).isEqualTo(5462);
        assertThat(second.slotRanges()).containsExactly(new SlotRange(5461, 10922));
        assertThat(nodes).extracting(ClusterNode::slotsCount).containsExactly(5461, 5462, 5461);
    }

    @Test
    void aReplicaNamesItsMasterAndOwnsNoSlots() {
        List<ClusterNode> nodes = ClusterNodesParser.parse(resource("cluster-nodes-with-replica.txt"));

        ClusterNode replica = nodes.get(3);
        assertThat(replica.port()).isEqualTo(16404);
        assertThat(replica.role()).isEqualTo("replica");
        assertThat(replica.flags()).containsExactly("slave");
        assertThat(replica.masterId()).isEqualTo("601965aa8191279c860bf2a11c8a81cff43bdd04");
        assertThat(replica.slotsCount()).isZero();
        assertThat(replica.slotRanges()).isEmpty();
    }

    @Test
    void aFailedNodeKeepsItsFlagsAndLinkState() {
        ClusterNode failed = ClusterNodesParser.parse(resource("cluster-nodes-replica-failed.txt"))
                .get(3);

        assertThat(failed.flags()).containsExactly("slave", "fail");
        assertThat(failed.linkState()).isEqualTo("disconnected");
        assertThat(failed.pingSent()).isEqualTo(1795893912980L);
    }

    @Test
    void redis7HostnamesAndMigratingSlotMarkersAreUnderstood() {
        ClusterNode node = ClusterNodesParser.parseLine("07c37dfeb235213a872192d90877d0cd55635b91 "
                + "127.0.0.1:30004@31004,redis-4 master - 0 1426238317239 4 connected 0-10 12 [13->-e7d1eec]");

        assertThat(node.host()).isEqualTo("127.0.0.1");
        assertThat(node.port()).isEqualTo(30004);
        assertThat(node.slotRanges()).containsExactly(new SlotRange(0, 10), new SlotRange(12, 12));
        assertThat(node.slotsCount()).isEqualTo(12);
    }

    @Test
    void aNodeRendersWithTheContractKeysInOrder() {
        ClusterNode node = ClusterNodesParser.parse(resource("cluster-nodes-with-replica.txt"))
                .get(3);

        assertThat(Json.string(node))
                .isEqualTo("{\"node_id\":\"c45fa7de6131c2844fce8e38d0108f3444499c7e\","
                        + "\"host\":\"127.0.0.1\",\"port\":16404,\"role\":\"replica\",\"flags\":[\"slave\"],"
                        + "\"master_id\":\"601965aa8191279c860bf2a11c8a81cff43bdd04\",\"ping_sent\":0,"
                        + "\"pong_recv\":1795893910898,\"config_epoch\":1,\"link_state\":\"connected\","
                        + "\"slots_count\":0,"
                        + "\"slot_ranges\":[]}");
    }

    static String resource(String name) {
        try (InputStream in = ClusterNodesParserTest.class.getResourceAsStream("/redis/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
