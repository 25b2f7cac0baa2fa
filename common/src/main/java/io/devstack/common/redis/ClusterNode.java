package io.devstack.common.redis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One line of {@code CLUSTER NODES}, in the shape of {@code GET /redis/cluster/nodes}. */
public record ClusterNode(
        @JsonProperty("node_id") String nodeId,
        String host,
        int port,
        String role,
        List<String> flags,
        @JsonProperty("master_id") String masterId,
        @JsonProperty("ping_sent") long pingSent,
        @JsonProperty("pong_recv") long pongRecv,
        @JsonProperty("config_epoch") long configEpoch,
        @JsonProperty("link_state") String linkState,
        @JsonProperty("slots_count") int slotsCount,
        @JsonProperty("slot_ranges") List<SlotRange> slotRanges) {

    public static final String MASTER = "master";
    public static final String REPLICA = "replica";

    public ClusterNode {
        flags = List.copyOf(flags);
        slotRanges = List.copyOf(slotRanges);
    }

    @JsonIgnore
    public boolean isMaster() {
        return MASTER.equals(role);
    }
}
