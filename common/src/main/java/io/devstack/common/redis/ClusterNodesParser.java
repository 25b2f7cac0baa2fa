package io.devstack.common.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Parses {@code CLUSTER NODES} text:
 * {@code <id> <ip:port@cport[,hostname]> <flags> <master|-> <ping-sent> <pong-recv> <config-epoch>
 * <link-state> <slot>...}.
 * Importing/migrating markers ({@code [slot->-id]}) are not owned slots and are skipped. Nodes come back sorted by
 * host and port, so every API lists them in the same order whichever node answered.
 */
public final class ClusterNodesParser {

    private ClusterNodesParser() {}

    public static List<ClusterNode> parse(String clusterNodes) {
        List<ClusterNode> nodes = new ArrayList<>();
        for (String line : clusterNodes.split("\\r?\\n")) {
            if (!line.isBlank()) {
                nodes.add(parseLine(line.strip()));
            }
        }
        nodes.sort(Comparator.comparing(ClusterNode::host).thenComparingInt(ClusterNode::port));
        return List.copyOf(nodes);
    }

    static ClusterNode parseLine(String line) {
        String[] fields = line.split(" ");
        if (fields.length < 8) {
            throw new IllegalArgumentException("Not a CLUSTER NODES line: " + line);
        }
        String address = fields[1];
        int comma = address.indexOf(',');
        if (comma >= 0) {
            address = address.substring(0, comma); // Redis 7 appends ",hostname"
        }
        int at = address.indexOf('@');
        if (at >= 0) {
            address = address.substring(0, at);
        }
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        List<String> flags = Arrays.asList(fields[2].split(","));
        String role = flags.contains("master") ? ClusterNode.MASTER : ClusterNode.REPLICA;
        String masterId = "-".equals(fields[3]) ? null : fields[3];

        List<SlotRange> ranges = new ArrayList<>();
        int slots = 0;
        for (int i = 8; i < fields.length; i++) {
            String slot = fields[i];
            if (slot.startsWith("[")) {
                continue;
            }
            int dash = slot.indexOf('-');
            SlotRange range = dash < 0
                    ? new SlotRange(Integer.parseInt(slot), Integer.parseInt(slot))
                    : new SlotRange(
                            Integer.parseInt(slot.substring(0, dash)), Integer.parseInt(slot.substring(dash + 1)));
            ranges.add(range);
            slots += range.count();
        }
        return new ClusterNode(
                fields[0],
                host,
                port,
                role,
                flags,
                masterId,
                Long.parseLong(fields[4]),
                Long.parseLong(fields[5]),
                Long.parseLong(fields[6]),
                fields[7],
                slots,
                ranges);
    }
}
