package io.devstack.common.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The body of {@code GET /redis/cluster/slots}, derived from the parsed {@code CLUSTER NODES} (the same data
 * {@code CLUSTER SLOTS} reports: each master's ranges with its replicas).
 */
public record SlotDistribution(
        String status,
        @JsonProperty("total_slots") int totalSlots,
        @JsonProperty("max_slots") int maxSlots,
        @JsonProperty("coverage_percentage") double coveragePercentage,
        @JsonProperty("slot_distribution") List<Entry> slotDistribution) {

    public static final int MAX_SLOTS = 16_384;

    /** One owned range. */
    public record Entry(
            @JsonProperty("start_slot") int startSlot,
            @JsonProperty("end_slot") int endSlot,
            @JsonProperty("slots_count") int slotsCount,
            NodeRef master,
            List<NodeRef> replicas) {}

    /** A node as CLUSTER SLOTS names it. */
    public record NodeRef(
            String host, int port, @JsonProperty("node_id") String nodeId) {

        static NodeRef of(ClusterNode node) {
            return new NodeRef(node.host(), node.port(), node.nodeId());
        }
    }

    public static SlotDistribution of(List<ClusterNode> nodes) {
        List<Entry> entries = new ArrayList<>();
        int total = 0;
        for (ClusterNode master : nodes) {
            if (!master.isMaster()) {
                continue;
            }
            List<NodeRef> replicas = nodes.stream()
                    .filter(node -> master.nodeId().equals(node.masterId()))
                    .map(NodeRef::of)
                    .toList();
            for (SlotRange range : master.slotRanges()) {
                entries.add(new Entry(range.start(), range.end(), range.count(), NodeRef.of(master), replicas));
                total += range.count();
            }
        }
        entries.sort(Comparator.comparingInt(Entry::startSlot));
        double coverage = Math.round(total * 10_000.0 / MAX_SLOTS) / 100.0;
        return new SlotDistribution("success", total, MAX_SLOTS, coverage, List.copyOf(entries));
    }
}
