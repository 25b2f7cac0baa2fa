package io.devstack.infra.container;

import java.util.Locale;

/** The four bridge networks of the compose runtime, each with a fixed /24 so services keep their static IPs. */
public enum ComposeNetwork {
    VAULT("172.20.1"),
    DATA("172.20.2"),
    APP("172.20.3"),
    OBSERVABILITY("172.20.4");

    private final String prefix;

    ComposeNetwork(String prefix) {
        this.prefix = prefix;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String subnet() {
        return prefix + ".0/24";
    }

    /** The address {@code .host} in this network, e.g. {@code DATA.address(10)} is 172.20.2.10. */
    public String address(int host) {
        if (host < 2 || host > 254) {
            throw new IllegalArgumentException("host part " + host + " is outside 2..254 (.1 is the gateway)");
        }
        return prefix + "." + host;
    }

    /** Whether {@code ip} lies in this network's /24. */
    public boolean contains(String ip) {
        return ip.startsWith(prefix + ".") && ip.chars().filter(c -> c == '.').count() == 3;
    }
}
