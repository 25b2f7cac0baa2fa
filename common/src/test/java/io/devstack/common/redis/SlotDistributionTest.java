package io.devstack.common.redis;

import static io.devstack.common.redis.ClusterNodesParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotDistributionTest {

    @Test
    void threeMastersCoverEverySlot() {
        SlotDistribution slots = SlotDistribution.of(ClusterNodesParser.parse(resource("cluster-nodes.txt")));

        assertThat(slots.totalSlots()).isEqualTo(16384);
        assertThat(slots.coveragePercentage()).isEqualTo(100.0);
        assertThat(slots.slotDistribution())
                .extracting(SlotDistribution.Entry::startSlot)
                .containsExactly(0, 5461, 10923);
        assertThat(slots.slotDistribution())
                .extracting(SlotDistribution.Entry::slotsCount)
                .containsExactly(5461, 5462, 5461);
    }

    @Test
    void aReplicaIsListedUnderItsMastersRangesAsClusterSlotsDoes() {
        // CLUSTER SLOTS of the same cluster answered:
        // [0, 5460, [127.0.0.1, 16401, 6019…], [127.0.0.1, 16404, c45f…]]
        SlotDistribution slots =
                SlotDistribution.of(ClusterNodesParser.parse(resource("cluster-nodes-with-replica.txt")));

        SlotDistribution.Entry first = slots.slotDistribution().getFirst();
        assertThat(first.master())
                .isEqualTo(
                        new SlotDistribution.NodeRef("127.0.0.1", 16401, "601965aa8191279c860bf2a11c8a81cff43bdd04"));
        assertThat(first.replicas())
                .containsExactly(
                        new SlotDistribution.NodeRef("127.0.0.1", 16404, "c45fa7de6131c2844fce8e38d0108f3444499c7e"));
        assertThat(slots.slotDistribution().get(1).replicas()).isEmpty();
    }

    @Test
    void partialCoverageIsRoundedToTwoDecimals() {
        List<ClusterNode> oneMaster =
                ClusterNodesParser.parse("601965aa8191279c860bf2a11c8a81cff43bdd04 127.0.0.1:16401@26401 "
                        + "myself,master - 0 0 1 connected 0-5460");

        SlotDistribution slots = SlotDistribution.of(oneMaster);

        assertThat(slots.totalSlots()).isEqualTo(5461);
        assertThat(slots.coveragePercentage()).isEqualTo(33.33);
        assertThat(Json.string(slots))
                .startsWith("{\"status\":\"success\",\"total_slots\":5461,\"max_slots\":16384,"
                        + "\"coverage_percentage\":33.33,\"slot_distribution\":[{\"start_slot\":0,\"end_slot\":5460,"
                        + "\"slots_count\":5461,\"master\":{\"host\":\"127.0.0.1\",\"port\":16401,\"node_id\":");
    }
}
