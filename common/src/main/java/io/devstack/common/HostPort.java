package io.devstack.common;

/** A backend's network address as configured (host name or IP, TCP port). */
public record HostPort(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
